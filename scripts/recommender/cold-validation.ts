// What the cold-start research scripts (cold-content.ts, cold-ease-side.ts) share: protocol (c)'s data with a
// validation split carved from its training data as `tuneOnTraining` does, each user's per-source z-scores cached
// once, nDCG@10 of any blend of them, and a coordinate ascent over the cold blend weights on validation.
import { DEFAULT_MOVIELENS_DIR, DEFAULT_TMDB_CSV, loadMovieLensDir } from '../../src/data/movielens.ts';
import { blendScores, DEFAULT_BLEND } from '../../src/recommender/blend.ts';
import {
  coldStartSlice,
  MetricsAccumulator,
  randomSplit,
  testSets,
  trainingFrom,
} from '../../src/recommender/evaluation.ts';
import type { HybridModel } from '../../src/recommender/model.ts';
import { mulberry32 } from '../../src/recommender/rng.ts';
import { topK } from '../../src/recommender/topk.ts';
import { sampleEvidence, validationSplit } from '../../src/recommender/tuning.ts';
import { SOURCES, type UserEvidence } from '../../src/recommender/types.ts';
import { toRatingLog, withTmdbLists } from './common.ts';

/** Protocol (c) on ml-latest-small with TMDB 5000 metadata and stand-in TMDB lists, and its validation split. */
export function coldProtocol(seed: number) {
  const ds = loadMovieLensDir(DEFAULT_MOVIELENS_DIR, DEFAULT_TMDB_CSV);
  const log = toRatingLog(ds.ratings, withTmdbLists(ds.meta, ds.tmdbIds, ds.tmdb));
  const isTest = randomSplit(log, 0.25, seed);
  const { dropped, coldUsers } = coldStartSlice(log, isTest, 5, 0.2, seed);
  const train = trainingFrom(log, isTest, dropped);
  return { log, isTest, coldUsers, train, tests: testSets(log, isTest), val: validationSplit(train, seed) };
}

/** Every source at weight 1, cold and warm: the blend whose z-scores are cached. */
const ALL_ON = {
  ...DEFAULT_BLEND,
  warm: Object.fromEntries(SOURCES.map((s) => [s, 1])),
  cold: Object.fromEntries(SOURCES.map((s) => [s, 1])),
};

/** One user's evidence (at most `maxItems` films) and per-source z-scores; a script may add its own named scores. */
export interface CachedUser {
  readonly u: number;
  readonly ev: UserEvidence;
  readonly z: Record<string, Float32Array | undefined>;
  readonly excluded: Uint8Array;
}

export function cacheUsers(
  model: HybridModel,
  users: readonly number[],
  maxItems: number,
  excludeAll: boolean,
  seed: number,
): CachedUser[] {
  const rand = mulberry32(seed ^ 0xc01d);
  return users.map((u) => {
    const ev = sampleEvidence(model, u, maxItems, rand, excludeAll);
    const r = blendScores(model, ev, { blend: ALL_ON });
    return { u, ev, z: { ...r.normalised }, excluded: r.excluded };
  });
}

/**
 * nDCG@10 of the blend `w` over the cached users; `content` names the z-scores used for the content source, and
 * `sources` the z-scores blended (default: the engine's sources).
 */
export function blendNdcg(
  model: HybridModel,
  users: readonly CachedUser[],
  tests: readonly Int32Array[],
  w: Record<string, number>,
  content = 'content',
  sources: readonly string[] = SOURCES,
): number {
  const n = model.items.length;
  const s = new Float32Array(n);
  const acc = new MetricsAccumulator(n, 10, model.popularity.counts, model.userIds.length);
  for (const c of users) {
    s.fill(0);
    for (const src of sources) {
      const z = src === 'content' ? c.z[content] : c.z[src];
      const ws = w[src] ?? 0;
      if (!z || !ws) continue;
      for (let i = 0; i < n; i++) s[i]! += ws * z[i]!;
    }
    acc.add(
      topK(s, 10, (i) => c.excluded[i] === 1),
      tests[c.u]!,
    );
  }
  return acc.result()['ndcg@10'];
}

const STEPS = [0, 0.1, 0.2, 0.4, 0.7, 1];

/**
 * Coordinate ascent over the cold blend weights (two rounds over the sources), the sources in `off` held at 0; from
 * `start` (default: the served cold weights) over `sources` (default: the engine's).
 */
export function ascent(
  f: (w: Record<string, number>) => number,
  off: ReadonlySet<string>,
  start: Readonly<Record<string, number>> = DEFAULT_BLEND.cold as Record<string, number>,
  sources: readonly string[] = SOURCES,
) {
  const w: Record<string, number> = { ...start };
  for (const s of off) w[s] = 0;
  let best = f(w);
  for (let round = 0; round < 2; round++)
    for (const s of sources) {
      if (off.has(s)) continue;
      for (const v of STEPS) {
        if (v === w[s]) continue;
        const x = f({ ...w, [s]: v });
        if (x > best + 1e-6) {
          best = x;
          w[s] = v;
        }
      }
    }
  return { w, best };
}
