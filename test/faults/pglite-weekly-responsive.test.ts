import { SlashCommandBuilder } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FakeDiscord } from '../../fakes/discord/index.ts';
import type { Command } from '../../src/bot/command.ts';
import { databaseBusy, type Orm, openDatabase } from '../../src/db.ts';
import { createRecommendationService } from '../../src/services/recommendation-service.ts';
import { createWeeklyRunner } from '../../src/services/weekly-run-service.ts';
import { databaseOnlyServices, withCommandBot } from '../support/bot-services.ts';

const logger = pino({ level: 'silent' });
let orm: Orm;

beforeAll(async () => {
  orm = await openDatabase({ url: undefined, dataDir: '/nonexistent', debug: false }, { pgliteDbName: 'memory://' });
});
afterAll(async () => {
  await orm?.close();
});

const until = async (what: () => boolean, ms: number): Promise<boolean> => {
  const end = performance.now() + ms;
  while (!what() && performance.now() < end) await new Promise((r) => setTimeout(r, 20));
  return what();
};

/** The bot on this file's PGlite with `commands`; its automatic defer is pushed out of reach (10 minutes). */
async function withBot(commands: Command[], run: (d: FakeDiscord) => Promise<void>): Promise<void> {
  await withCommandBot(
    {
      discord: { interactionDeadlineMs: 120_000 },
      services: databaseOnlyServices(orm, logger),
      commands,
      bot: { autoDeferMs: 600_000 },
    },
    run,
  );
}

/** A transaction that holds PGlite's one connection until `release()`, as a weekly run's compute does. */
function holdDatabase() {
  let release = () => {};
  const state = { held: false };
  const done = orm.em.fork().transactional(async (tem) => {
    await tem.execute('select 1');
    state.held = true;
    await new Promise<void>((r) => {
      release = r;
    });
    state.held = false;
  });
  return { state, done, release: () => release() };
}

it('when a long transaction holds PGlite (a weekly run computing), then a command is acknowledged before it ends', async () => {
  const hello: Command = {
    data: new SlashCommandBuilder().setName('hello').setDescription('answers at once'),
    async execute(_i, ctx) {
      await ctx.respond.send({ content: 'hello', ephemeral: true });
    },
  };
  await withBot([hello], async (d) => {
    const tx = holdDatabase();
    try {
      expect(await until(() => databaseBusy(orm), 10_000)).toBe(true);
      const h = d.command(d.user('ines'), 'hello');
      await until(() => h.state.callbacks.length > 0, 20_000);
      const acknowledgedWhileHeld = tx.state.held && h.state.callbacks.length > 0;
      tx.release();
      await tx.done;
      expect(acknowledgedWhileHeld).toBe(true);
      expect(h.state.callbacks).toEqual([5]); // "thinking…", then the answer in its place once the database is free
      expect((await h.reply(20_000)).content).toBe('hello');
      expect(databaseBusy(orm)).toBe(false);
    } finally {
      tx.release();
    }
  });
}, 90_000);

it('when the database turns busy while a command waits for it, then the command is acknowledged then', async () => {
  let reached = false;
  let go = () => {};
  const gate = new Promise<void>((r) => {
    go = r;
  });
  const reads: Command = {
    data: new SlashCommandBuilder().setName('reads').setDescription('reads the database'),
    async execute(_i, ctx) {
      reached = true;
      await gate;
      await ctx.em.execute('select 1');
      await ctx.respond.send({ content: 'read', ephemeral: true });
    },
  };
  await withBot([reads], async (d) => {
    // The command arrives while the database is free (no defer at once), then waits for a transaction that holds it.
    const h = d.command(d.user('jon'), 'reads');
    expect(await until(() => reached, 20_000)).toBe(true);
    expect(h.state.callbacks).toEqual([]);
    const tx = holdDatabase();
    try {
      expect(await until(() => tx.state.held, 10_000)).toBe(true);
      go();
      await until(() => h.state.callbacks.length > 0, 20_000);
      const acknowledgedWhileHeld = tx.state.held && h.state.callbacks.length > 0;
      tx.release();
      await tx.done;
      expect(acknowledgedWhileHeld).toBe(true);
      expect((await h.reply(20_000)).content).toBe('read');
    } finally {
      tx.release();
    }
  });
}, 90_000);

it('when a weekly run computes for 600 members on PGlite, then no step holds the thread for more than 150 ms of CPU', async () => {
  const em = orm.em.fork();
  const guildId = '900000000000000001';
  const movies = 400;
  await em.execute(
    `insert into movies (id, title, created_at, updated_at) values ${Array.from(
      { length: movies },
      (_, i) => `(${i + 1}, 'Film ${i + 1}', now(), now())`,
    ).join(', ')}`,
  );
  const members = Array.from({ length: 600 }, (_, i) => String(910_000_000_000_000_000n + BigInt(i)));
  await em.execute(
    `insert into users (id, kind, dm_opt_in, created_at, updated_at) values ${members.map(() => "(?, 'discord', true, now(), now())").join(', ')}`,
    members,
  );
  await em.execute(
    `insert into guild_members (guild_id, user_id, first_seen_at, last_seen_at) values ${members.map(() => '(?, ?, now(), now())').join(', ')}`,
    members.flatMap((u) => [guildId, u]),
  );
  // 20 ratings each, two taste groups, so that every member gets personal picks from neighbours.
  const ratings = members.flatMap((u, i) =>
    Array.from({ length: 20 }, (_, k) => [
      u,
      ((i % 2) * 200 + ((i * 7 + k * 13) % 200) + 1) as number,
      (k % 9) / 2 + 1,
    ]),
  );
  for (let i = 0; i < ratings.length; i += 2000) {
    const page = ratings.slice(i, i + 2000);
    await em.execute(
      `insert into ratings (user_id, movie_id, score, created_at, updated_at) values ${page.map(() => '(?, ?, ?, now(), now())').join(', ')}`,
      page.flat(),
    );
  }
  await em.execute(
    `insert into guild_settings (guild_id, picks_channel_id, schedule_day, schedule_time, timezone, enabled, created_at, updated_at)
     values (?, '900000000000000002', 5, '18:00', 'UTC', true, now(), now())`,
    [guildId],
  );
  const recommendations = createRecommendationService({ orm, logger });
  await recommendations.start();
  const runner = createWeeklyRunner({
    orm,
    logger,
    recommender: recommendations,
    sender: { send: async () => ({ messageId: '1' }) },
  });
  // CPU time of this thread between consecutive ticks of a 10 ms timer: the longest stretch the event loop was held.
  let longestMs = 0;
  let before = process.threadCpuUsage();
  const tick = setInterval(() => {
    const used = process.threadCpuUsage(before);
    longestMs = Math.max(longestMs, (used.user + used.system) / 1000);
    before = process.threadCpuUsage();
  }, 10);
  try {
    const run = await runner.runGuildWeek(guildId, '2026-W48');
    expect(run.dmsEnqueued).toBe(600);
    expect(run.delivery.sent).toBe(601); // and the digest
  } finally {
    clearInterval(tick);
    await recommendations.stop();
  }
  // Before: the outbox insert of 500 DMs in one statement (~0.5 s of CPU), each chunk's reads and flush back to back.
  expect(longestMs).toBeLessThan(150);
}, 180_000);
