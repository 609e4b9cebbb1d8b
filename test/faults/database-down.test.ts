// With the database gone (server restarting, database unreachable), every interaction still gets a kind answer, and
// the bot recovers by itself when the database is back. Uses the local PostgreSQL, where "down" is real.
import { randomBytes } from 'node:crypto';
import { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { type Bot, createBot } from '../../src/bot/client.ts';
import { commandsJson } from '../../src/commands/index.ts';
import { type Orm, openDatabase } from '../../src/db.ts';
import { createLogger } from '../../src/logger.ts';
import { databaseOnlyServices } from '../support/bot-services.ts';

const adminUrl = process.env.PG_TEST_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const name = `marquee_test_down_${process.pid}_${randomBytes(3).toString('hex')}`;
let discord: FakeDiscord;
let orm: Orm | undefined;
let bot: Bot | undefined;

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const terminate = `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`;

beforeAll(async () => {
  discord = await new FakeDiscord().start();
  await admin(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  orm = await openDatabase({ url: url.toString(), dataDir: '/nonexistent', debug: false });
  const services = databaseOnlyServices(orm, createLogger({ log: { level: 'silent', format: 'json' } }));
  await new REST({ api: discord.apiBase })
    .setToken(discord.token)
    .put(Routes.applicationCommands(discord.appId), { body: commandsJson() });
  bot = createBot({ services, token: discord.token, apiUrl: discord.apiBase });
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await orm?.close(true).catch(() => {});
  await discord?.stop();
  await admin(terminate).catch(() => {});
  await admin(`drop database if exists "${name}_away" with (force)`).catch(() => {});
  await admin(`drop database if exists "${name}" with (force)`).catch(() => {});
});

it('when the database goes away, then commands answer "try again in a moment", and work again once it is back', async () => {
  const una = discord.user('una');
  expect((await discord.command(una, 'watched list').reply()).content).toContain('watch log is empty');

  // The database disappears: connections are cut and new ones cannot find it.
  await admin(terminate);
  await admin(`alter database "${name}" rename to "${name}_away"`);
  const during = await discord.command(una, 'watched list').reply();
  expect(during.content).toContain('try again in a moment');
  expect(during.ephemeralFor).toBe(una.id);

  await admin(`alter database "${name}_away" rename to "${name}"`);
  let after = '';
  for (let i = 0; i < 5 && !after.includes('watch log is empty'); i++) {
    after = (await discord.command(una, 'watched list').reply()).content;
  }
  expect(after).toContain('watch log is empty');
});
