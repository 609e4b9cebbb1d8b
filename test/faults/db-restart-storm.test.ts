// PostgreSQL restarts and fails over by killing its backends, in the middle of whatever transaction each one is in.
// Here the bot's connections are terminated over and over while people write; afterwards every command must still be
// answered, no pooled connection may be left checked out, and shutdown must finish (a leaked connection makes the
// pool's end() wait for ever).
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeDiscord, type FakeUser, type InteractionHandle } from '../../fakes/discord/index.ts';
import { type Bot, createBot } from '../../src/bot/client.ts';
import { commandsJson } from '../../src/commands/index.ts';
import { type Orm, openDatabase, poolState } from '../../src/db.ts';
import { createLogger } from '../../src/logger.ts';
import { databaseOnlyServices } from '../support/bot-services.ts';

const adminUrl = process.env.PG_TEST_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const name = `marquee_test_storm_${process.pid}_${randomBytes(3).toString('hex')}`;
const terminate = `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`;
let discord: FakeDiscord;
let orm: Orm | undefined;
let bot: Bot | undefined;
const logLines: string[] = [];

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function pool(): Promise<pg.Pool> {
  return (await (orm as Orm).em.getConnection().getNativeClient()) as pg.Pool;
}

beforeAll(async () => {
  discord = await new FakeDiscord().start();
  await admin(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const logger = createLogger(
    { log: { level: 'info', format: 'json' } },
    new Writable({
      write(chunk, _e, cb) {
        logLines.push(String(chunk));
        cb();
      },
    }),
  );
  // A small pool, so that a handful of leaked connections starves it (as 10 did in production).
  orm = await openDatabase(
    { url: url.toString(), dataDir: '/nonexistent', debug: false, pool: { max: 4, acquireTimeoutMs: 2_000 } },
    { logger },
  );
  const services = databaseOnlyServices(orm, logger);
  await new REST({ api: discord.apiBase })
    .setToken(discord.token)
    .put(Routes.applicationCommands(discord.appId), { body: commandsJson() });
  bot = createBot({ services, token: discord.token, apiUrl: discord.apiBase, deadlineMs: 10_000 });
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await orm?.close(true).catch(() => {});
  await discord?.stop();
  await admin(terminate).catch(() => {});
  await admin(`drop database if exists "${name}" with (force)`).catch(() => {});
});

it('when the database kills the bot connections again and again during writes, then every later command is answered and shutdown is clean', async () => {
  const people = Array.from({ length: 8 }, (_, i) => discord.user(`storm${i}`));
  // Each person writes (the preference update flushes in a transaction; using Marquee in a server records them too).
  const write = (i: number) =>
    discord.command(people[i % people.length] as FakeUser, 'settings dms', { state: i % 2 ? 'on' : 'off' });

  const during: InteractionHandle[] = [];
  for (let round = 0; round < 25; round++) {
    for (let k = 0; k < 3; k++) during.push(write(round * 3 + k));
    // Let the writes reach their transactions, then cut every connection the bot holds.
    await new Promise((r) => setTimeout(r, 40));
    await admin(terminate);
  }
  // Everyone who wrote during the storm hears back: done, or "try again in a moment". Never silence.
  const answers = await Promise.all(during.map((h) => h.reply(15_000)));
  for (const a of answers) expect(a.content).toMatch(/You're in|already on|no more weekly DMs|try again in a moment/);

  // After the storm: more commands at once than the pool has connections, and every one succeeds.
  const after = await Promise.all(people.map((p) => discord.command(p, 'settings dms', { state: 'on' }).reply(15_000)));
  for (const a of after) expect(a.content).toMatch(/You're in|already on/);

  // Nothing is left checked out of the pool once the bot has nothing in flight...
  for (let i = 0; i < 100 && (bot as Bot).dispatcher.pending > 0; i++) await new Promise((r) => setTimeout(r, 50));
  expect((bot as Bot).dispatcher.pending).toBe(0);
  const p = await pool();
  expect(poolState(p).total - poolState(p).idle).toBe(0);
  // ...so the bot and the database close.
  await (bot as Bot).stop();
  bot = undefined;
  await (orm as Orm).close();
  orm = undefined;
  expect(logLines.join('')).not.toMatch(/"level":50.*interaction failed/);
});
