// On the embedded database, a weekly run that is computing must not keep the bot from answering: an interaction sent
// meanwhile is deferred ("thinking…") before the compute ends, and answered after it.
//
// The compute is made slow by one statement in the weekly transaction that spins until the test opens a gate (a file in
// the database folder, which PGlite sees) or 20 s pass. When PGlite ran on the bot's thread, that one WebAssembly call
// froze the whole process, this test included: the interaction could not even be delivered, the gate could not open,
// and the defer came only after the statement gave up. The order of events is asserted, not their timing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { REST } from '@discordjs/rest';
import { Routes, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { type Bot, createBot } from '../../src/bot/client.ts';
import type { Command } from '../../src/bot/command.ts';
import type { BotServices } from '../../src/bot/context.ts';
import { type Orm, openDatabase } from '../../src/db.ts';
import { createLogger } from '../../src/logger.ts';
import { createWeeklyRunner } from '../../src/services/weekly-run-service.ts';
import { seedGuild } from '../support/weekly-fixtures.ts';

const GATE = 'weekly-gate';
const SLOW_STATEMENT = `do $$ begin
  while clock_timestamp() < now() + interval '20 seconds'
    and (pg_stat_file(current_setting('data_directory') || '/${GATE}', true)).size is null loop
  end loop;
end $$`;

let dir: string;
let orm: Orm;
const logger = createLogger(
  { log: { level: 'warn', format: 'json' } },
  new Writable({
    write(_chunk, _e, cb) {
      cb();
    },
  }),
);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marquee-weekly-responsive-'));
  orm = await openDatabase({ url: undefined, dataDir: dir, debug: false });
}, 300_000); // a fresh PGlite folder: initdb and every migration, slow on a busy machine
afterAll(async () => {
  await orm?.close();
  rmSync(dir, { recursive: true, force: true });
});

const until = async (cond: () => boolean) => {
  while (!cond()) await new Promise((r) => setTimeout(r, 10));
};

it('when a weekly run is computing on PGlite, then an interaction is deferred before the compute ends and answered after', async () => {
  const guild = await seedGuild(orm.em.fork(), { prefix: '77', members: 3 });
  const events: string[] = [];
  const unused = () => {
    throw new Error('not used');
  };
  const runner = createWeeklyRunner({
    orm,
    logger,
    sender: { send: async () => ({ messageId: '1' }) },
    recommender: {
      recommend: unused,
      async recommendMany(em, userIds) {
        events.push('compute started');
        await em.execute(SLOW_STATEMENT);
        events.push('compute statement done');
        return userIds.map(() => ({ kind: 'onboarding' as const, movies: [] }));
      },
    },
  });
  const ping: Command = {
    data: new SlashCommandBuilder().setName('ping').setDescription('reads the database'),
    defer: 'always',
    async execute(_i, ctx) {
      const [row] = await ctx.em.execute<{ n: number }[]>('select count(*)::int as n from guild_members');
      await ctx.respond.send({ content: `members: ${row?.n ?? 0}` });
    },
  };
  const d = await new FakeDiscord({}).start();
  const services = {
    orm,
    logger,
    catalogue: { autocomplete: async () => [] },
    clock: () => new Date(),
  } as unknown as BotServices;
  const bot: Bot = createBot({ services, token: d.token, apiUrl: d.apiBase, commands: [ping] });
  try {
    await new REST({ api: d.apiBase })
      .setToken(d.token)
      .put(Routes.applicationCommands(d.appId), { body: [ping.data.toJSON()] });
    await bot.start();

    const run = runner.runGuildWeek(guild.guildId, '2026-W48');
    await until(() => events.includes('compute started'));
    const h = d.command(d.user('ines'), 'ping');
    await until(() => h.state.callbacks.length > 0);
    events.push('deferred');
    writeFileSync(join(dir, 'pglite', GATE), 'open');
    const summary = await run;
    const reply = await h.reply(30_000);

    expect(events).toEqual(['compute started', 'deferred', 'compute statement done']);
    expect(h.state.callbacks[0]).toBe(5); // "thinking…"
    expect(reply.content).toMatch(/^members: \d+$/);
    expect(summary.computed).toBe(true);
  } finally {
    await bot.stop();
    await d.stop();
  }
}, 180_000);
