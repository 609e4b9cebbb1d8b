// `npm run doctor` against the local Discord, the fake TMDB and a PGlite folder: ✓/✗ lines with fixes. The first case
// runs the script as its own process (output and exit code); the others run the same checks in this process.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { type FakeTmdb, startFakeTmdb } from '../../fakes/tmdb/index.ts';
import { deployCommands } from '../../src/bot/deploy.ts';
import { openDatabase } from '../../src/db.ts';
import { doctorSummary, formatDoctorLine, runDoctor } from '../../src/doctor.ts';
import { GuildSettings } from '../../src/entities/index.ts';

let discord: FakeDiscord;
let tmdb: FakeTmdb;
let dataDir: string;

beforeAll(async () => {
  discord = await new FakeDiscord().start();
  tmdb = await startFakeTmdb({});
  dataDir = mkdtempSync(join(tmpdir(), 'marquee-doctor-'));
  const orm = await openDatabase({ url: undefined, dataDir, debug: false });
  await orm.close(true);
});
afterAll(async () => {
  await discord?.stop();
  await tmdb?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function env(extra: Record<string, string>): Record<string, string> {
  return {
    MARQUEE_ENV_FILE: '/nonexistent',
    MARQUEE_DATA_DIR: dataDir,
    DISCORD_TOKEN: discord.token,
    DISCORD_APP_ID: discord.appId,
    DISCORD_API_URL: discord.apiBase,
    TMDB_BASE_URL: tmdb.url,
    TMDB_READ_TOKEN: 'fake-tmdb-token',
    ...extra,
  };
}

/** The doctor as an admin runs it: `scripts/doctor.ts` in its own process, its output and exit code. */
async function doctorProcess(extra: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/doctor.ts'], {
      env: { PATH: process.env.PATH, ...env(extra) },
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

/** The same checks in this process (a new process costs seconds on 2 cores): the lines it would print, and its code. */
async function doctor(extra: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  const lines = await runDoctor(env(extra));
  return {
    code: lines.every((l) => l.ok) ? 0 : 1,
    out: `${lines.map(formatDoctorLine).join('\n')}\n\n${doctorSummary(lines)}\n`,
  };
}

it('when commands are not deployed and User Install is off, then those lines fail with their fixes', async () => {
  discord.installContexts = { guild: true, user: false };
  const { code, out } = await doctorProcess();
  expect(code).toBe(1);
  expect(out).toContain('✓ Configuration');
  expect(out).toMatch(/✓ Database \(PGlite at .*\): reachable, no migrations pending/);
  expect(out).toContain('✓ Discord token: logged in as Marquee');
  expect(out).toContain('✗ Install settings: User Install off');
  expect(out).toContain('fix: Developer Portal → Installation');
  expect(out).toMatch(/✗ Registered commands \(global: missing .*help\)/);
  expect(out).toContain('fix: npm run commands:deploy');
  expect(out).toContain('✓ TMDB');
});

it('when everything is set up, then every line is ✓ and it exits 0', async () => {
  discord.installContexts = { guild: true, user: true };
  await deployCommands({ token: discord.token, appId: discord.appId, apiUrl: discord.apiBase });
  const { code, out } = await doctor();
  expect(out).toContain('✓ Registered commands (global: match the code)');
  expect(out).toContain('All checks passed.');
  expect(code).toBe(0);
});

it('when the token is wrong or a variable is invalid, then the doctor says which and how to fix it', async () => {
  const bad = await doctor({ DISCORD_TOKEN: 'not-the-token', HEALTH_PORT: '70000' });
  expect(bad.code).toBe(1);
  expect(bad.out).toContain('✗ Configuration: HEALTH_PORT must be an integer >= 0 and <= 65535');
  const token = await doctor({ DISCORD_TOKEN: 'not-the-token' });
  expect(token.out).toMatch(/✗ Discord token: Discord answered 401/);
  expect(token.out).toContain('fix: Developer Portal → your application → Bot → Reset Token');
});

it("when a server's picks channel is set, then the doctor checks view, send and embed there against the local Discord", async () => {
  discord.installContexts = { guild: true, user: true };
  await deployCommands({ token: discord.token, appId: discord.appId, apiUrl: discord.apiBase });
  const announcements = discord.channel('#announcements')!;
  const orm = await openDatabase({ url: undefined, dataDir, debug: false });
  try {
    await orm.em.fork().upsert(GuildSettings, {
      guildId: discord.guild.id,
      picksChannelId: announcements.id,
      scheduleDay: 5,
      scheduleTime: '18:00',
      timezone: 'UTC',
      enabled: true,
    });
  } finally {
    await orm.close(true);
  }
  const where = `Picks channel ${announcements.id} (server ${discord.guild.id})`;
  const botRole = discord.permissions.botRoleId;
  discord.permissions.setOverwrite(announcements.id, { id: botRole, type: 0, allow: 0n, deny: 1n << 14n }); // Embed Links
  const lacking = await doctor();
  expect(lacking.out).toContain(`✗ ${where}: the bot lacks Embed Links`);
  expect(lacking.code).toBe(1);
  discord.permissions.setOverwrite(announcements.id, { id: botRole, type: 0, allow: 0n, deny: 0n });
  const fine = await doctor();
  expect(fine.out).toContain(`✓ ${where}: the bot can view, send and embed`);
  expect(fine.code).toBe(0);
});
