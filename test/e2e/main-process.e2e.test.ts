// `node src/main.ts` as a real process: the composition root connects to the local Discord, answers, and shuts down
// gracefully on SIGTERM (stops taking work, finishes in-flight interactions, closes the database).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { type FakeTmdb, startFakeTmdb } from '../../fakes/tmdb/index.ts';
import { deployCommands } from '../../src/bot/deploy.ts';

let discord: FakeDiscord;
let tmdb: FakeTmdb;
let child: ChildProcess;
let dataDir: string;
let output = '';

beforeAll(async () => {
  discord = await new FakeDiscord().start();
  tmdb = await startFakeTmdb({});
  dataDir = mkdtempSync(join(tmpdir(), 'marquee-main-'));
  await deployCommands({ token: discord.token, appId: discord.appId, apiUrl: discord.apiBase });
  child = spawn(process.execPath, ['src/main.ts'], {
    env: {
      PATH: process.env.PATH,
      MARQUEE_ENV_FILE: '/nonexistent',
      DISCORD_TOKEN: discord.token,
      DISCORD_APP_ID: discord.appId,
      DISCORD_API_URL: discord.apiBase,
      TMDB_BASE_URL: tmdb.url,
      TMDB_READ_TOKEN: 'fake-tmdb-token',
      MARQUEE_DATA_DIR: dataDir,
      WEEKLY_SCHEDULER: 'false',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c) => {
    output += String(c);
  });
  child.stderr?.on('data', (c) => {
    output += String(c);
  });
  await discord.whenReady();
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await discord?.stop();
  await tmdb?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it('when started with a token, then it answers commands and exits cleanly on SIGTERM', async () => {
  // Global commands registered above; the process connected with the configured token.
  const reply = await discord.command(discord.user('pia'), 'help').reply(15_000);
  expect(reply.embeds[0].title).toContain('Marquee');
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(output).toContain('"msg":"bye"');
  expect(output).not.toContain(discord.token);
});

it('when commands:deploy runs with --guild, then the commands are registered in that server', async () => {
  const run = spawn(process.execPath, ['scripts/deploy-commands.ts', '--guild', discord.guild.id], {
    env: {
      PATH: process.env.PATH,
      MARQUEE_ENV_FILE: '/nonexistent',
      DISCORD_TOKEN: discord.token,
      DISCORD_APP_ID: discord.appId,
      DISCORD_API_URL: discord.apiBase,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  run.stdout?.on('data', (c) => {
    text += String(c);
  });
  const code = await new Promise<number | null>((resolve) => run.once('exit', resolve));
  expect(code).toBe(0);
  expect(text).toMatch(/^Registered \d+ commands \(search, rate, watched, .*recommend.*\) guild \d+\.$/m);
  expect(text).toContain('not offered in DMs');
  expect((discord.commands.get(discord.guild.id) ?? []).map((c: { name: string }) => c.name)).toContain('recommend');
});
