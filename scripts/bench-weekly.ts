// npm run bench:weekly -- [--json PATH] [--users 10000] [--movies 2000] [--ratings 20] [--dm-users 1000] [--pg URL]
//
// Two figures for one server's weekly run:
// 1. picks: the compute phase (audience query, the real recommendation service's recommendMany() over chunks of
//    members, 500 on PostgreSQL and 100 on PGlite, impressions + outbox rows committed in one transaction) for
//    `--users` members; target ≤ 60 s;
// 2. delivery: `--dm-users` DMs sent through the real Discord sender (@discordjs/rest, its own rate limiting) to the
//    local Discord, which enforces 50 requests/s globally: a first week (DM channels opened: 2 requests per DM) and
//    the next (recorded DM channels: 1 request per DM); target ≥ 45 DMs/s in a normal week.
// Data: a synthetic, seeded community (taste clusters over a synthetic catalogue); no real data is needed.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REST } from '@discordjs/rest';
import { pino } from 'pino';
import { FakeDiscord } from '../fakes/discord/index.ts';
import { CustomIds } from '../src/bot/custom-id.ts';
import { createDiscordSender } from '../src/bot/weekly-sender.ts';
import { DEFAULT_WEEKLY_SEND_PER_SECOND } from '../src/config.ts';
import { openDatabase } from '../src/db.ts';
import { drain } from '../src/services/delivery-outbox-service.ts';
import { pgArray } from '../src/services/pg-array.ts';
import { createRankingPool } from '../src/services/ranking-pool.ts';
import { createRecommendationService } from '../src/services/recommendation-service.ts';
import { createWeeklyRunner } from '../src/services/weekly-run-service.ts';
import { weeklyCommunity } from './recommender/common.ts';

const { values: args } = parseArgs({
  options: {
    json: { type: 'string' },
    users: { type: 'string', default: '10000' },
    movies: { type: 'string', default: '2000' },
    ratings: { type: 'string', default: '20' },
    'dm-users': { type: 'string', default: '1000' },
    pg: { type: 'string' },
    seed: { type: 'string', default: '7' },
    // The bot ranks on a second thread too when the machine has 2+ cores (RANKING_THREAD); this turns it off.
    'no-ranking-thread': { type: 'boolean', default: false },
  },
});
const USERS = Number(args.users);
const MOVIES = Number(args.movies);
const RATINGS = Number(args.ratings);
const DM_USERS = Math.min(Number(args['dm-users']), USERS);
const WEEK = '2026-W48';
const GENRES = ['Action', 'Comedy', 'Drama', 'Horror', 'Romance', 'Science Fiction', 'Thriller', 'Animation'];
const log = pino({ level: 'warn' });
const say = (s: string) => process.stdout.write(`${s}\n`);

/**
 * CPU time of every process named `postgres` on this machine (Linux /proc), in ms; null where that cannot be read. With
 * a local PostgreSQL and nothing else using it, the difference over a phase is the database's share of the work.
 */
function localPostgresCpuMs(): number | null {
  try {
    let ticks = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (!stat.includes('(postgres)')) continue;
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
      } catch {
        // the process ended in between
      }
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'marquee-bench-weekly-'));
// Global limit 50/s as Discord's default for bots. Per-route buckets (per channel, and the one shared DM-open route)
// allow 50 per second here, so the global limit is the one that binds (Discord does not publish the DM-open route's).
const discord = await new FakeDiscord({
  rateLimits: { globalPerSecond: 50, routeRule: { limit: 50, windowMs: 1_000 } },
}).start();
const orm = await openDatabase({ url: args.pg, dataDir: dir, debug: false });

try {
  // ---------------------------------------------------------------- data
  const t0 = performance.now();
  const em = orm.em.fork();
  const guildId = discord.guild.id;
  // Film id i + 1 is in genre i mod GENRES.length, as weeklyCommunity rates them.
  const movieGenre = Array.from({ length: MOVIES }, (_, i) => i % GENRES.length);
  for (let i = 0; i < MOVIES; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, MOVIES - i) }, (_, k) => {
      const id = i + k + 1;
      return `(${id}, 'Film ${id}', '${JSON.stringify([{ id: movieGenre[id - 1], name: GENRES[movieGenre[id - 1] as number] }])}'::jsonb, ${(1990 + (id % 35)).toString()}, now(), now())`;
    });
    await em.execute(
      `insert into movies (id, title, genres, runtime, created_at, updated_at) values ${rows.join(',')}`,
    );
  }
  // The fake Discord knows every member (a DM needs a recipient it knows); DB ids are the fake's ids.
  const userIds = Array.from({ length: USERS }, (_, i) => discord.user(`member${i}`).id);
  // Seeding is set-up only, but at 100,000 members it is 2M ratings: each table is written by one
  // `insert … select from unnest(array, …)` per large batch (arrays as PostgreSQL array literals, parsed and planned
  // once), which works the same on PostgreSQL and PGlite.
  const BATCH_USERS = 10_000;
  for (let i = 0; i < USERS; i += BATCH_USERS) {
    const chunk = pgArray(userIds.slice(i, i + BATCH_USERS));
    await em.execute(
      `insert into users (id, kind, dm_opt_in, created_at, updated_at)
       select t.id, 'discord', true, now(), now() from unnest(?::text[]) as t(id)`,
      [chunk],
    );
    await em.execute(
      `insert into guild_members (guild_id, user_id, first_seen_at, last_seen_at)
       select ?, t.id, now(), now() from unnest(?::text[]) as t(id)`,
      [guildId, chunk],
    );
  }
  // Taste: each member prefers one genre; popular films (low ids) are rated more often (weeklyCommunity).
  let rUsers: string[] = [];
  let rMovies: number[] = [];
  let rScores: number[] = [];
  const batches: string[][] = [];
  const take = () => {
    if (rUsers.length === 0) return;
    batches.push([pgArray(rUsers), pgArray(rMovies), pgArray(rScores)]);
    rUsers = [];
    rMovies = [];
    rScores = [];
  };
  weeklyCommunity(
    { members: USERS, movies: MOVIES, perMember: RATINGS, genres: GENRES.length, seed: Number(args.seed) },
    (u, film, stars) => {
      rUsers.push(userIds[u]!);
      rMovies.push(film + 1);
      rScores.push(stars);
      if (rUsers.length >= 100_000) take();
    },
  );
  take();
  for (const batch of batches) {
    await em.execute(
      `insert into ratings (user_id, movie_id, score, created_at, updated_at)
       select t.u, t.m, t.s, now(), now() from unnest(?::text[], ?::int[], ?::numeric[]) as t(u, m, s)
       on conflict do nothing`,
      batch,
    );
  }
  await em.execute(
    `insert into guild_settings (guild_id, picks_channel_id, schedule_day, schedule_time, timezone, enabled, created_at, updated_at)
     values (?, ?, 5, '18:00', 'UTC', true, now(), now())`,
    [guildId, discord.guild.channelId],
  );
  // A database that has lived with its data has planner statistics (autovacuum's ANALYZE); a freshly bulk-loaded one
  // does not, and then PostgreSQL misjudges the per-member queries by ~300× (5,567 ratings a member instead of 20)
  // and JIT-compiles each page of the audience read (~0.5 s a page of 250 at 100,000 members).
  if (args.pg) await em.execute('analyze');
  const seedMs = Math.round(performance.now() - t0);
  say(`data: ${USERS} members × ${RATINGS} ratings over ${MOVIES} films in ${seedMs} ms`);

  // ---------------------------------------------------------------- model
  const rankingPool = args['no-ranking-thread'] ? undefined : createRankingPool({ logger: log });
  const recommendations = createRecommendationService({ orm, logger: log, rankingPool });
  const t1 = performance.now();
  await recommendations.start();
  const modelMs = Math.round(performance.now() - t1);
  say(`model built in ${modelMs} ms`);

  // ---------------------------------------------------------------- 1. picks (compute phase)
  // The runner needs a sender; this phase never delivers, so it is never called.
  const instant = { send: async () => ({ messageId: '1' }) };
  const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
  // Where the time goes: wall time inside recommendMany (the chunk's reads, ranking, impressions) vs the rest (audience,
  // previous picks, outbox rows), and this process's CPU (ranking, ORM, driver) over the compute.
  let inManyMs = 0;
  const timed = {
    ...recommendations,
    recommendMany: async (...a: Parameters<typeof recommendations.recommendMany>) => {
      const t = performance.now();
      try {
        return await recommendations.recommendMany(...a);
      } finally {
        inManyMs += performance.now() - t;
      }
    },
  };
  const computeCpu0 = process.cpuUsage();
  const pgCpu0 = localPostgresCpuMs();
  const runner = createWeeklyRunner({ orm, logger: log, recommender: timed, sender: instant });
  // Compute only: the rows are delivered for real in phase 2 (draining all of them through a stand-in sender took
  // ~12 minutes at 100,000 members and measured nothing this bench reports).
  const run = await runner.computeGuildWeek(guildId, WEEK);
  const computeCpu = process.cpuUsage(computeCpu0);
  const pgCpu1 = localPostgresCpuMs();
  const pgCpuMs = pgCpu0 !== null && pgCpu1 !== null ? pgCpu1 - pgCpu0 : null;
  const computeCpuMs = Math.round((computeCpu.user + computeCpu.system) / 1000);
  const loadAfter = loadavg().map((x) => Math.round(x * 100) / 100);
  say(
    `picks: ${run.dmsEnqueued} DMs (${run.audience} members) computed and enqueued in ${run.computeMs} ms ` +
      `(${((run.computeMs / Math.max(run.dmsEnqueued, 1)) * 1000).toFixed(0)} µs per member); ` +
      `${Math.round(inManyMs)} ms inside recommendMany; ${computeCpuMs} ms CPU in this process` +
      `${pgCpuMs !== null ? `, ${pgCpuMs} ms in PostgreSQL's processes` : ''}; load ${loadBefore.join(' ')} → ${loadAfter.join(' ')}`,
  );

  // ---------------------------------------------------------------- 2. delivery to the local Discord
  // Twice: the first week opens each member's DM channel (2 requests per DM) and records its id; the next week posts
  // to the recorded channel (1 request per DM), with a new sender so nothing is remembered in memory (as after a
  // restart). Each week gets fresh idempotency keys, so Discord's nonce deduplication does not short-cut the sends.
  const rest = new REST({ api: `${discord.apiBase}`, globalRequestsPerSecond: 50 }).setToken(discord.token);
  let rateLimited = 0;
  rest.on('rateLimited', () => {
    rateLimited++;
  });
  const deliver = async (label: string) => {
    await orm.em.fork().execute(
      `update delivery_outbox set status = 'pending', attempts = 0, discord_message_id = null, sent_at = null,
         idempotency_key = idempotency_key || ?
         where id in (select id from delivery_outbox where kind = 'dm' and guild_id = ? order by id limit ?)`,
      [`:${label}`, guildId, DM_USERS],
    );
    const sender = createDiscordSender({
      rest,
      ids: new CustomIds('bench'),
      requestsPerSecond: DEFAULT_WEEKLY_SEND_PER_SECOND,
    });
    const before = discord.requests.length;
    const cpu0 = process.cpuUsage();
    const t2 = performance.now();
    const delivery = await drain(orm.em.fork(), { guildId, isoWeek: WEEK, sender, logger: log, concurrency: 50 });
    const sendMs = performance.now() - t2;
    const cpu = process.cpuUsage(cpu0);
    // CPU of this whole process (the local Discord included) per DM: the headroom the rate alone does not show.
    const cpuMsPerDm = (cpu.user + cpu.system) / 1000 / Math.max(delivery.sent, 1);
    const reqs = discord.requests.slice(before);
    const ok = reqs.filter((r) => r.status < 400).length;
    const got429 = reqs.filter((r) => r.status === 429).length;
    const reqPerSec = ok / (sendMs / 1000);
    const dmPerSec = delivery.sent / (sendMs / 1000);
    say(
      `delivery (${label}): ${delivery.sent} DMs, ${ok} successful requests (${got429} answered 429) in ` +
        `${(sendMs / 1000).toFixed(1)} s → ${reqPerSec.toFixed(1)} requests/s (${((reqPerSec / 50) * 100).toFixed(1)} % ` +
        `of 50), ${dmPerSec.toFixed(1)} DMs/s, ${(ok / Math.max(delivery.sent, 1)).toFixed(2)} requests per DM, ` +
        `${cpuMsPerDm.toFixed(2)} ms CPU per DM`,
    );
    return {
      dms: delivery.sent,
      failed: delivery.failed + delivery.undeliverable,
      successful_requests: ok,
      requests_per_dm: Math.round((ok / Math.max(delivery.sent, 1)) * 100) / 100,
      answered_429: got429,
      seconds: Math.round(sendMs) / 1000,
      requests_per_second: Math.round(reqPerSec * 10) / 10,
      dms_per_second: Math.round(dmPerSec * 10) / 10,
      cpu_ms_per_dm: Math.round(cpuMsPerDm * 100) / 100,
    };
  };
  // Phase 2 delivers the first `--dm-users` DMs; the rest of the week's rows are set aside as sent.
  await orm.em.fork().execute(
    `update delivery_outbox set status = 'sent', sent_at = now()
       where guild_id = ? and iso_week = ? and status = 'pending'
         and id not in (select id from delivery_outbox where kind = 'dm' and guild_id = ? order by id limit ?)`,
    [guildId, WEEK, guildId, DM_USERS],
  );
  const firstWeek = await deliver('first-week');
  const nextWeek = await deliver('next-week');

  const result = {
    benchmark: 'weekly',
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memGiB: Math.round(totalmem() / 2 ** 30) },
    node: process.version,
    database: args.pg ? 'postgresql' : 'pglite',
    data: { synthetic: true, members: USERS, movies: MOVIES, ratingsPerMember: RATINGS, seed: Number(args.seed) },
    seed_ms: seedMs,
    model_build_ms: modelMs,
    picks: {
      members: run.audience,
      dms_enqueued: run.dmsEnqueued,
      compute_ms: run.computeMs,
      target_ms: 60_000,
      meets_target: run.computeMs <= 60_000,
      load_average_1_5_15_at_start: loadBefore,
      load_average_1_5_15_at_end: loadAfter,
      ms_inside_recommend_many: Math.round(inManyMs),
      process_cpu_ms: computeCpuMs,
      ranking_thread: rankingPool !== undefined,
      postgres_cpu_ms: args.pg ? pgCpuMs : null,
    },
    delivery: {
      enforced_limit_per_second: 50,
      paced_requests_per_second: DEFAULT_WEEKLY_SEND_PER_SECOND,
      target_dms_per_second: 45,
      client_rate_limited_events: rateLimited,
      first_week: firstWeek,
      next_week: { ...nextWeek, meets_target: nextWeek.dms_per_second >= 45 },
      note: 'first week opens each DM channel (2 requests per DM) and records it; later weeks post to it (1 request)',
    },
  };
  if (args.json) {
    writeFileSync(resolve(args.json), `${JSON.stringify(result, null, 2)}\n`);
    say(`wrote ${resolve(args.json)}`);
  }
  await recommendations.stop();
  await rankingPool?.close();
} finally {
  await orm.close();
  await discord.stop();
  rmSync(dir, { recursive: true, force: true });
}
