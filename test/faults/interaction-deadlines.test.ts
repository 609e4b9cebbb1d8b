// Work that never finishes, and answers that come too late for Discord: the person is never left looking at
// "thinking…" for ever, and an interaction that expired is one warning with its timing, not an error with an id.
import { Writable } from 'node:stream';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FakeDiscord, FakeDiscordOptions } from '../../fakes/discord/index.ts';
import type { Command } from '../../src/bot/command.ts';
import { type Orm, openDatabase } from '../../src/db.ts';
import { createLogger } from '../../src/logger.ts';
import { databaseOnlyServices, withCommandBot } from '../support/bot-services.ts';

let orm: Orm;
const lines: string[] = [];
const logger = createLogger(
  { log: { level: 'info', format: 'json' } },
  new Writable({
    write(chunk, _e, cb) {
      lines.push(String(chunk));
      cb();
    },
  }),
);

beforeAll(async () => {
  orm = await openDatabase({ url: undefined, dataDir: '/nonexistent', debug: false }, { pgliteDbName: 'memory://' });
});
afterAll(async () => {
  await orm?.close();
});

async function withBot(
  discordOptions: FakeDiscordOptions,
  commands: Command[],
  botOptions: { autoDeferMs?: number; deadlineMs?: number },
  run: (d: FakeDiscord) => Promise<void>,
) {
  await withCommandBot(
    { discord: discordOptions, services: databaseOnlyServices(orm, logger), commands, bot: botOptions },
    run,
  );
}

it('when a command never finishes, then the person is told to try again once the deadline passes', async () => {
  let release = () => {};
  const stuck: Command = {
    data: new SlashCommandBuilder().setName('stuck').setDescription('waits for a database that never answers'),
    execute: () =>
      new Promise<void>((resolve) => {
        release = resolve;
      }),
  };
  await withBot({}, [stuck], { autoDeferMs: 50, deadlineMs: 400 }, async (d) => {
    const h = d.command(d.user('quinn'), 'stuck');
    const reply = await h.reply(5_000);
    expect(reply.content).toContain('try again in a moment');
    expect(h.state.callbacks).toEqual([5]); // "thinking…", then the apology in its place
    release();
  });
  expect(lines.join('')).toContain('interaction passed its deadline');
});

it('when an answer comes after Discord dropped the interaction, then one warning with the timing is logged and no error id', async () => {
  lines.length = 0;
  const late: Command = {
    data: new SlashCommandBuilder().setName('late').setDescription('answers after 3 s'),
    async execute(_i, ctx) {
      await new Promise((r) => setTimeout(r, 500));
      await ctx.respond.send({ content: 'too late', ephemeral: true });
    },
  };
  // Discord's window is shortened to 200 ms here, and the bot is told to defer only after 5 s: it misses the window.
  await withBot({ interactionDeadlineMs: 200 }, [late], { autoDeferMs: 5_000 }, async (d) => {
    const h = d.command(d.user('rhea'), 'late');
    for (let i = 0; i < 100 && !lines.some((l) => l.includes('"code":10062')); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(h.state.callbacks).toEqual([]);
  });
  const logged = lines.map((l) => JSON.parse(l) as { level: number; msg: string; ms?: number; errorId?: string });
  const missed = logged.filter((l) => l.msg.includes("missed Discord's deadline"));
  expect(missed).toHaveLength(1);
  expect(missed[0]?.level).toBe(40);
  expect(missed[0]?.ms).toBeGreaterThanOrEqual(500);
  expect(
    logged.filter((l) => l.level >= 50 || l.errorId !== undefined || l.msg === 'could not report failure'),
  ).toEqual([]);
});
