// Two real `src/main.ts` processes, two gateway shards each (4 in all), four servers (one per shard) and one
// PostgreSQL database. Every server's week falls due as the processes start, so both heartbeats race for the same
// guild-weeks while a burst of commands arrives in every server and in DMs (shard 0). Afterwards: every interaction
// was answered exactly once, every member got exactly one DM, every server exactly one digest.
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeDiscord, type FakeGuild, type FakeUser, guildIdOnShard, shardOf } from '../../fakes/discord/index.ts';
import { DEMO_MOVIES, type FakeTmdb, startFakeTmdb } from '../../fakes/tmdb/index.ts';
import { deployCommands } from '../../src/bot/deploy.ts';
import { type Orm, openDatabase } from '../../src/db.ts';
import { createTestDatabaseConfig } from '../support/database.ts';

const SHARDS = 4;
const MEMBERS_PER_GUILD = 3;
const onPostgres = inject('dbKind') === 'postgres';

let discord: FakeDiscord;
let tmdb: FakeTmdb;
let orm: Orm;
let drop: () => Promise<void> = async () => {};
const children: { proc: ChildProcess; output: string; shards: string }[] = [];
let guilds: FakeGuild[] = [];
const members = new Map<string, FakeUser[]>();

/** Polls `done` until it holds (the processes work on their own clocks); fails with `what` after `ms`. */
async function until(what: string, done: () => boolean | Promise<boolean>, ms = 45_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A week that fell due a minute ago, in UTC, as /config schedule stores it (day 0 = Sunday). */
function dueNow(): { day: number; time: string } {
  const t = new Date(Date.now() - 60_000);
  const hh = String(t.getUTCHours()).padStart(2, '0');
  const mm = String(t.getUTCMinutes()).padStart(2, '0');
  return { day: t.getUTCDay(), time: `${hh}:${mm}` };
}

beforeAll(async () => {
  if (!onPostgres) return;
  // What is tested here is routing and exactly-once across processes; the 3-second window has its own tests (faults,
  // bench:load), and two fresh processes computing a week on a loaded CI machine may miss it, so it is widened.
  discord = await new FakeDiscord({
    recommendedShards: SHARDS,
    maxConcurrency: SHARDS,
    interactionDeadlineMs: 15_000,
  }).start();
  tmdb = await startFakeTmdb({});
  // One server per shard: the local Discord's first server, and one on each shard it does not sit on.
  const first = shardOf(discord.guild.id, SHARDS);
  const others = [0, 1, 2, 3].filter((s) => s !== first);
  guilds = [discord.guild, ...others.map((s) => discord.addGuild(`Server ${s}`, guildIdOnShard(s, SHARDS)))];
  const db = await createTestDatabaseConfig();
  drop = db.drop;
  orm = await openDatabase(db.config);
  // Each server: its picks channel, a week due now, and members who opted in to DMs and rated three films.
  const em = orm.em.fork();
  const films = DEMO_MOVIES.slice(0, 12);
  for (const m of films) {
    await em.execute(
      'insert into movies (id, title, fetched_at, created_at, updated_at) values (?, ?, now(), now(), now())',
      [m.id, m.title],
    );
  }
  const { day, time } = dueNow();
  for (const [g, guild] of guilds.entries()) {
    await em.execute(
      `insert into guild_settings (guild_id, picks_channel_id, schedule_day, schedule_time, timezone, enabled, created_at, updated_at)
       values (?, ?, ?, ?, 'UTC', true, now(), now())
       on conflict (guild_id) do update set picks_channel_id = excluded.picks_channel_id, schedule_day = excluded.schedule_day,
         schedule_time = excluded.schedule_time, timezone = excluded.timezone, enabled = excluded.enabled`,
      [guild.id, guild.channelId, day, time],
    );
    const people = Array.from({ length: MEMBERS_PER_GUILD }, (_, i) => discord.user(`member-${g}-${i}`));
    members.set(guild.id, people);
    for (const [i, u] of people.entries()) {
      await em.execute(
        `insert into users (id, kind, dm_opt_in, created_at, updated_at) values (?, 'discord', true, now(), now())`,
        [u.id],
      );
      await em.execute(
        'insert into guild_members (guild_id, user_id, first_seen_at, last_seen_at) values (?, ?, now(), now())',
        [guild.id, u.id],
      );
      for (let k = 0; k < 3; k++) {
        await em.execute(
          'insert into ratings (user_id, movie_id, score, created_at, updated_at) values (?, ?, 4.5, now(), now())',
          [u.id, films[(g * MEMBERS_PER_GUILD + i + k * 4) % films.length]?.id],
        );
      }
    }
  }
  await deployCommands({ token: discord.token, appId: discord.appId, apiUrl: discord.apiBase });
  for (const shards of ['0,1', '2,3']) {
    const proc = spawn(process.execPath, ['src/main.ts'], {
      env: {
        PATH: process.env.PATH,
        MARQUEE_ENV_FILE: '/nonexistent',
        DATABASE_URL: db.config.url,
        DISCORD_TOKEN: discord.token,
        DISCORD_APP_ID: discord.appId,
        DISCORD_API_URL: discord.apiBase,
        DISCORD_SHARD_COUNT: String(SHARDS),
        DISCORD_SHARDS: shards,
        TMDB_BASE_URL: tmdb.url,
        TMDB_READ_TOKEN: 'fake-tmdb-token',
        TMDB_REFRESH_MINUTES: '0',
        BLEND_LEARNING_CRON: 'off',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const child = { proc, output: '', shards };
    proc.stdout?.on('data', (c) => {
      child.output += String(c);
    });
    proc.stderr?.on('data', (c) => {
      child.output += String(c);
    });
    children.push(child);
  }
  await until(
    'both processes to start',
    () => children.every((c) => c.output.includes('marquee started') || c.proc.exitCode !== null),
    90_000,
  );
  for (const c of children) if (c.proc.exitCode !== null) throw new Error(`process exited:\n${c.output}`);
}, 120_000);

afterAll(async () => {
  for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
  await orm?.close(true);
  await drop();
  await discord?.stop();
  await tmdb?.stop();
});

describe.skipIf(!onPostgres)('2 processes × 2 shards on one PostgreSQL', () => {
  it('when a week falls due during a burst of commands, then each is answered once and each member DMed once', async () => {
    // Each process identified its own two shards of four.
    expect(
      discord.connectedShards
        .map((s) => s.join('/'))
        .sort()
        .join(' '),
    ).toBe('0/4 1/4 2/4 3/4');

    // The burst: every member runs /help in their server (routed to that server's shard) and in a DM (shard 0).
    const handles = guilds.flatMap((guild) =>
      (members.get(guild.id) ?? []).flatMap((u) => [
        discord.command(u, 'help', {}, { guild }),
        discord.command(u, 'help', {}, { dm: true }),
      ]),
    );
    const replies = await Promise.all(handles.map((h) => h.reply(20_000)));
    for (const r of replies) expect(r.embeds[0]?.title).toContain('Marquee');

    const everyone = guilds.flatMap((g) => members.get(g.id) ?? []);
    await until(
      'the weekly digests and DMs',
      () =>
        everyone.every((u) => discord.dmsTo(u.id).some((m) => !m.interactionId)) &&
        guilds.every((g) => discord.channelMessages(g.channelId).length > 0),
    );
    // Both processes stop cleanly (in-flight work finished) before anything is counted.
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve, reject) => {
            c.proc.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}\n${c.output}`))));
            c.proc.kill('SIGTERM');
          }),
      ),
    );

    const callbacks = new Map<string, number>();
    for (const r of discord.requests) {
      const m = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(r.route);
      if (m?.[1] && r.method === 'POST') callbacks.set(m[1], (callbacks.get(m[1]) ?? 0) + 1);
    }
    for (const h of handles) expect(callbacks.get(h.state.id), `interaction ${h.state.id}`).toBe(1);
    // The weekly DM is the one message in the DM channel that answers no interaction.
    for (const u of everyone) expect(discord.dmsTo(u.id).filter((m) => !m.interactionId)).toHaveLength(1);
    for (const g of guilds) expect(discord.channelMessages(g.channelId)).toHaveLength(1);
    const rows = await orm.em
      .fork()
      .execute<{ kind: string; status: string; n: string }[]>(
        'select kind, status, count(*)::int as n from delivery_outbox group by kind, status order by kind',
      );
    expect(rows).toEqual([
      { kind: 'channel', status: 'sent', n: guilds.length },
      { kind: 'dm', status: 'sent', n: everyone.length },
    ]);
    // Each process holds the two servers on its two shards.
    for (const c of children) expect(c.output).toMatch(/"guilds":2,"msg":"discord ready"/);
  });
});
