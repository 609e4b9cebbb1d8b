// The batch path (`recommendMany`, used by the weekly run) must give exactly what the per-member path gives for the
// same inputs: same picks, scores, reasons and impressions; and the weekly run must enqueue the same messages.
import { pino } from 'pino';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Em } from '../../src/db.ts';
import { Feedback, Rating, User, Watched } from '../../src/entities/index.ts';
import { createRankingPool } from '../../src/services/ranking-pool.ts';
import {
  createRecommendationService,
  type RecommendationResult,
  type RecommendationService,
} from '../../src/services/recommendation-service.ts';
import { createWeeklyRunner, type WeeklyRecommender } from '../../src/services/weekly-run-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertMovie } from '../support/factories.ts';
import { recordingSender } from '../support/weekly-fixtures.ts';

const db = useTestDatabase();
const logger = pino({ level: 'silent' });
const GUILD = '700000000000000001';
const CHANNEL = '700000000000000002';
const WEEK = '2026-W48';
const GENRES = ['Crime', 'Animation', 'Horror', 'Romance'];
const MOVIES = 40;
const MEMBERS = 24;
const member = (i: number) => String(710000000000000000n + BigInt(i));

/** A small deterministic community: each member prefers one genre; a few have feedback, watched rows or too little. */
async function seedCommunity(em: Em): Promise<string[]> {
  for (let id = 1; id <= MOVIES; id++) {
    const g = id % GENRES.length;
    await insertMovie(em, id, `Film ${id}`, {
      releaseDate: `${1980 + id}-01-01`,
      runtime: 80 + id,
      genres: [{ id: g, name: GENRES[g] ?? 'Drama' }],
      keywords: [{ id: 100 + (id % 7), name: `kw${id % 7}` }],
      voteAverage: 5 + (id % 5),
      voteCount: 100 * id,
    });
  }
  await em.execute(
    `insert into guild_settings (guild_id, picks_channel_id, schedule_day, schedule_time, timezone, enabled, created_at, updated_at)
     values (?, ?, 5, '18:00', 'UTC', true, now(), now())`,
    [GUILD, CHANNEL],
  );
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const ids: string[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const id = member(i);
    ids.push(id);
    em.create(User, { id, kind: 'discord', dmOptIn: true });
    const liked = i % GENRES.length;
    const n = i === 5 ? 2 : 6 + (i % 5); // member 5 only has 2 ratings: onboarding
    const rated = new Set<number>();
    while (rated.size < n) {
      const m = 1 + Math.floor(rand() * MOVIES);
      if (rated.has(m)) continue;
      rated.add(m);
      const base = m % GENRES.length === liked ? 4.5 : 2;
      em.create(Rating, { user: id, movie: m, score: Math.min(5, Math.max(0.5, base + Math.round(rand() * 2) / 2)) });
    }
    if (i % 3 === 0) {
      for (const [k, kind] of (['up', 'down', 'not_interested', 'seen'] as const).entries()) {
        const m = ((i * 7 + k * 11) % MOVIES) + 1;
        if (!rated.has(m)) em.create(Feedback, { user: id, movie: m, kind, source: 'test' });
      }
    }
    if (i % 4 === 1) {
      for (const m of [(i % MOVIES) + 1, ((i + 13) % MOVIES) + 1]) {
        if (!rated.has(m)) em.create(Watched, { user: id, movie: m, watchedOn: '2026-01-01' });
      }
    }
  }
  await em.flush();
  await em.execute(
    `insert into guild_members (guild_id, user_id, first_seen_at, last_seen_at)
     select ?, id, now(), now() from users where kind = 'discord'`,
    [GUILD],
  );
  return ids;
}

const service = () =>
  createRecommendationService({
    orm: db.orm,
    logger,
    buildInWorker: false,
    clock: () => new Date('2026-11-24T06:00:00Z'),
  });

/** A result without what is unique per call (impression ids, batch ids). */
function comparable(r: RecommendationResult) {
  if (r.kind === 'onboarding') return r;
  return { kind: r.kind, modelVersion: r.modelVersion, picks: r.picks.map(({ impressionId: _, ...p }) => p) };
}

async function impressions(em: Em) {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select user_id, movie_id, rank, score, source_scores, model_version, context, guild_id
       from recommendation_log order by user_id, rank`,
  );
  return rows.map((r) => ({ ...r, movie_id: Number(r.movie_id), rank: Number(r.rank), score: Number(r.score) }));
}

describe('recommendMany (the weekly batch path)', () => {
  let members: string[];

  beforeEach(async () => {
    members = await seedCommunity(db.em());
  });

  it('when many members are ranked at once, then picks and impressions equal the per-member path', async () => {
    const perMember = service();
    const batch = service();
    await perMember.start();
    await batch.start();
    const weights = { version: 'bw-test', global: { content: 1, user_knn: 1, item_knn: 1, ease: 1, popularity: 0.2 } };
    const perUser = new Map([[member(2), { content: 3, user_knn: 0.1, item_knn: 0.1, ease: 0.1, popularity: 0 }]]);
    for (const s of [perMember, batch]) await s.setBlendWeights({ ...weights, perUser });
    const exclude = new Map([
      [member(0), [1, 2, 3]],
      [member(7), [10, 20]],
    ]);
    const opts = { count: 5, context: 'weekly_dm' as const, guildId: GUILD };

    const one: RecommendationResult[] = [];
    for (const u of members) {
      one.push(await perMember.recommend(db.em(), u, { ...opts, excludeMovieIds: exclude.get(u) }));
    }
    const logOne = await impressions(db.em());
    await db.em().execute('delete from recommendation_log');

    const many = await batch.recommendMany(db.em(), members, { ...opts, excludeMovieIds: exclude });
    const logMany = await impressions(db.em());

    expect(many.map(comparable)).toEqual(one.map(comparable));
    expect(many.filter((r) => r.kind === 'onboarding')).toHaveLength(1);
    expect(many.filter((r) => r.kind === 'picks').length).toBe(MEMBERS - 1);
    expect(logMany).toEqual(logOne);
    expect(logMany.length).toBeGreaterThan(0);
    // Impression ids returned are the rows written, one batch id per member.
    const ids = many.flatMap((r) => (r.kind === 'picks' ? r.picks.map((p) => p.impressionId) : []));
    expect(new Set(ids).size).toBe(logMany.length);
    const rows = await db
      .em()
      .execute<{ n: string | number }[]>(
        `select count(distinct batch_id) as n from recommendation_log where id in (${ids.map(() => '?').join(', ')})`,
        ids,
      );
    expect(Number(rows[0]?.n)).toBe(MEMBERS - 1);
  });

  it('when a ranking worker takes part of each batch, then the picks are the ones ranked on one thread', async () => {
    const pool = createRankingPool({ logger, idleMs: 1 });
    try {
      const alone = service();
      const shared = createRecommendationService({
        orm: db.orm,
        logger,
        buildInWorker: false,
        clock: () => new Date('2026-11-24T06:00:00Z'),
        rankingPool: pool,
      });
      await alone.start();
      await shared.start();
      const opts = { count: 5, context: 'weekly_dm' as const, guildId: GUILD };
      const a = await alone.recommendMany(db.em(), members, opts);
      const b = await shared.recommendMany(db.em(), members, opts);
      expect(b.map(comparable)).toEqual(a.map(comparable));
      expect(pool.healthy).toBe(true);
      // Idle, the worker stops and frees its copy of the model; the next batch starts another and sends it the model.
      await vi.waitFor(() => expect(pool.running).toBe(false), { timeout: 10_000 });
      const again = await shared.recommendMany(db.em(), members, opts);
      expect(again.map(comparable)).toEqual(a.map(comparable));
      expect(pool.healthy).toBe(true);
      // A worker that is gone leaves its share to this thread: still every pick.
      await pool.close();
      const c = await shared.recommendMany(db.em(), members, opts);
      expect(c.map(comparable)).toEqual(a.map(comparable));
    } finally {
      await pool.close();
    }
  });

  it('when a batch is ranked, then the event loop gets a turn between members (the weekly run never freezes the bot)', async () => {
    // sliceMs 0: a turn before every member, so the order is certain without timing anything.
    const svc = createRecommendationService({ orm: db.orm, logger, buildInWorker: false, sliceMs: 0 });
    await svc.start();
    const em = db.em();
    const events: string[] = [];
    // Ranking a member asks the film filter about each candidate: a filter admitting every film marks ranking work.
    class Watching extends Set<number> {
      override has(id: number) {
        if (events.at(-1) !== 'rank') events.push('rank');
        return super.has(id);
      }
    }
    const everyFilm = new Watching(Array.from({ length: MOVIES }, (_, i) => i + 1));
    let ticking = true;
    const tick = () => {
      if (!ticking) return;
      events.push('turn');
      setImmediate(tick);
    };
    const many = svc.recommendMany(em, members, {
      count: 5,
      context: 'weekly_dm',
      guildId: GUILD,
      onlyMovieIds: everyFilm,
    });
    setImmediate(tick);
    await many;
    ticking = false;
    const first = events.indexOf('rank');
    const last = events.lastIndexOf('rank');
    expect(first).toBeGreaterThanOrEqual(0);
    // Ranking members is synchronous work: without the slices, no turn in between.
    expect(events.slice(first, last).filter((e) => e === 'turn').length).toBeGreaterThanOrEqual(MEMBERS - 2);
  });

  it('when the weekly run uses the batch path in chunks, then it enqueues the same messages as per member', async () => {
    const run = async (svc: RecommendationService, batched: boolean) => {
      await svc.start();
      const recommender: WeeklyRecommender = batched
        ? svc
        : { recommend: (em, userId, opts) => svc.recommend(em, userId, opts) };
      const out = recordingSender();
      const runner = createWeeklyRunner({ orm: db.orm, logger, recommender, sender: out.sender, computeChunk: 7 });
      const summary = await runner.runGuildWeek(GUILD, WEEK);
      const rows = await db
        .em()
        .execute<{ idempotency_key: string; payload: unknown }[]>(
          'select idempotency_key, payload from delivery_outbox order by idempotency_key',
        );
      const log = await impressions(db.em());
      await db.em().execute('delete from delivery_outbox');
      await db.em().execute('delete from recommendation_log');
      const payloads = rows.map((r) => {
        const p = (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>;
        const picks = (p.picks as { impressionId: number }[] | undefined)?.map(({ impressionId: _, ...x }) => x);
        return { key: r.idempotency_key, ...p, batchId: undefined, picks };
      });
      return { summary: { ...summary, computeMs: 0, delivery: undefined }, payloads, log };
    };
    const a = await run(service(), false);
    const b = await run(service(), true);
    expect(a.summary).toMatchObject({ computed: true, audience: MEMBERS - 1, dmsEnqueued: MEMBERS - 1 });
    expect(b.summary).toEqual(a.summary);
    expect(b.payloads).toEqual(a.payloads);
    expect(b.log).toEqual(a.log);
  });
});
