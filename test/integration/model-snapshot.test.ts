// Several processes on one database build the recommendation model once: whoever takes the build lease builds and
// saves a snapshot, the others wait for it and load it. Two services stand in for two processes (same database,
// different lease holders), each with its own serving state, as separate processes would have.
import { pino } from 'pino';
import { expect, it } from 'vitest';
import { ModelSnapshot } from '../../src/entities/index.ts';
import { snapshotMeta, tryBuildLease } from '../../src/services/model-snapshot-service.ts';
import {
  createRecommendationService,
  type ModelShareOptions,
  type RecommendationService,
} from '../../src/services/recommendation-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { seedGuild } from '../support/weekly-fixtures.ts';

const db = useTestDatabase();
const logger = pino({ level: 'silent' });

function process(holder: string, builds: string[], clock?: () => Date, share: Partial<ModelShareOptions> = {}) {
  return createRecommendationService({
    orm: db.orm,
    logger,
    buildInWorker: false,
    ...(clock ? { clock } : {}),
    onModelBuilt: () => builds.push(holder),
    share: { holder, freshMs: 60_000, leaseMs: 30_000, pollMs: 20, ...share },
  });
}

async function picksOf(s: RecommendationService, userId: string) {
  const r = await s.recommend(db.em(), userId, { count: 5, context: 'recommend' });
  return r.kind === 'picks' ? r.picks.map((p) => [p.movieId, p.score]) : r;
}

it('when two processes start together, then one builds, the other loads its snapshot, and both serve alike', async () => {
  const { optedIn } = await seedGuild(db.em(), { prefix: '81', members: 6 });
  const builds: string[] = [];
  const a = process('host-a:1', builds);
  const b = process('host-b:2', builds);
  await Promise.all([a.start(), b.start()]);
  expect(builds).toHaveLength(1);
  expect(a.modelVersion).not.toBeNull();
  expect(b.modelVersion).toBe(a.modelVersion);
  const member = optedIn[0] as string;
  expect(await picksOf(b, member)).toEqual(await picksOf(a, member));
  // The lease is free again and the snapshot is what both serve.
  const row = await db.em().findOneOrFail(ModelSnapshot, 'hybrid');
  expect(row.leaseHolder).toBeNull();
  expect((await snapshotMeta(db.em(), 'hybrid'))?.version).toBe(a.modelVersion);
  await Promise.all([a.stop(), b.stop()]);
});

it('when the snapshot is older than freshMs, then the next rebuild builds anew and the other process picks it up', async () => {
  await seedGuild(db.em(), { prefix: '82', members: 3 });
  let now = new Date('2026-11-30T05:00:00Z');
  const clock = () => now;
  const builds: string[] = [];
  const a = process('host-a:1', builds, clock);
  const b = process('host-b:2', builds, clock);
  await a.start();
  await b.start();
  expect(builds).toEqual(['host-a:1']);
  now = new Date(now.getTime() + 61_000);
  await b.rebuild();
  expect(builds).toEqual(['host-a:1', 'host-b:2']);
  await a.rebuild(); // fresh again: a loads b's build instead of building
  expect(builds).toEqual(['host-a:1', 'host-b:2']);
  expect(a.modelVersion).toBe(b.modelVersion);
});

it('when the lease holder died mid-build, then another process builds once the lease expires', async () => {
  await seedGuild(db.em(), { prefix: '83', members: 3 });
  const builds: string[] = [];
  // A process took the lease and vanished; its lease runs out 200 ms from now.
  expect(await tryBuildLease(db.em(), 'hybrid', 'ghost:9', new Date(), 200)).toBe(true);
  const a = process('host-a:1', builds);
  await a.start();
  expect(builds).toEqual(['host-a:1']);
  expect(a.modelVersion).not.toBeNull();
});

it('when another process holds a live lease, then the lease is refused; its own holder may renew it', async () => {
  const now = new Date();
  expect(await tryBuildLease(db.em(), 'hybrid', 'host-a:1', now, 60_000)).toBe(true);
  expect(await tryBuildLease(db.em(), 'hybrid', 'host-b:2', now, 60_000)).toBe(false);
  expect(await tryBuildLease(db.em(), 'hybrid', 'host-a:1', now, 60_000)).toBe(true);
  expect(await tryBuildLease(db.em(), 'hybrid', 'host-b:2', new Date(now.getTime() + 60_000), 60_000)).toBe(true);
});
