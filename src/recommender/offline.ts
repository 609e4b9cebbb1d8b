// Offline ranking with the engine: the evidence of a training user, the named models of the evaluation (baselines
// and the hybrid), and validation-only tuning of EASE's λ and the warm blend weights.
import { buildEase, DEFAULT_EASE, type EaseOptions } from './ease.ts';
import { type MetricsAccumulator as Acc, MetricsAccumulator } from './evaluation.ts';
import {
  type BlendWeights,
  blendScores,
  buildHybrid,
  DEFAULT_BLEND,
  effectiveWeights,
  type HybridModel,
  type HybridOptions,
  mmr,
  rankItems,
} from './hybrid.ts';
import { mulberry32, shuffleInPlace } from './rng.ts';
import { topK } from './topk.ts';
import { SOURCES, type Source, type SourceWeights, type TrainingData, type UserEvidence } from './types.ts';

export const MODEL_NAMES = [
  'random',
  'popular',
  'item-knn',
  'user-knn',
  'content',
  'ease',
  'hybrid',
  'hybrid+mmr',
] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

/** A training user's evidence, straight from the model's own rows. */
export function trainingEvidence(model: HybridModel, u: number): UserEvidence {
  const a = model.byUser.ptr[u]!;
  const b = model.byUser.ptr[u + 1]!;
  return { items: model.byUser.cols.slice(a, b), ratings: model.byUser.vals.slice(a, b), selfIndex: u };
}

export interface RankerConfig {
  readonly blend: BlendWeights;
  readonly seed: number;
  readonly diversity: number;
}

/** A ranking function for a named model: user index → top-k item indices. */
export function ranker(model: HybridModel, name: ModelName, cfg: RankerConfig): (u: number, k: number) => Int32Array {
  const single = (s: Source) => (u: number, k: number) =>
    rankItems(model, trainingEvidence(model, u), { count: k, sources: [s] });
  switch (name) {
    case 'random': {
      const rand = mulberry32(cfg.seed);
      return (u, k) => {
        const ev = trainingEvidence(model, u);
        const seen = new Set(ev.items);
        const all = Int32Array.from({ length: model.items.length }, (_, i) => i).filter((i) => !seen.has(i));
        shuffleInPlace(all, rand);
        return all.slice(0, k);
      };
    }
    case 'popular': {
      const counts = model.popularity.counts;
      return (u, k) => {
        const seen = new Set(trainingEvidence(model, u).items);
        return topK(counts, k, (i) => seen.has(i));
      };
    }
    case 'item-knn':
      return single('item_knn');
    case 'user-knn':
      return single('user_knn');
    case 'content':
      return single('content');
    case 'ease':
      return single('ease');
    case 'hybrid':
      return (u, k) => rankItems(model, trainingEvidence(model, u), { count: k, blend: cfg.blend });
    case 'hybrid+mmr':
      return (u, k) => {
        const b = blendScores(model, trainingEvidence(model, u), { count: k, blend: cfg.blend });
        const pool = topK(b.scores, Math.max(5 * k, 50), (i) => b.excluded[i] === 1);
        return mmr(model, pool, b.scores, k, cfg.diversity);
      };
  }
}

export function evaluateModel(
  model: HybridModel,
  name: ModelName,
  cfg: RankerConfig,
  users: ArrayLike<number>,
  tests: readonly Int32Array[],
  k = 10,
): ReturnType<Acc['result']> {
  const acc = new MetricsAccumulator(model.items.length, k, model.popularity.counts, model.userIds.length);
  const rank = ranker(model, name, cfg);
  for (let t = 0; t < users.length; t++) {
    const u = users[t]!;
    const test = tests[u];
    if (!test || test.length === 0) continue;
    acc.add(rank(u, k), test);
  }
  return acc.result();
}

/** Candidate midpoints (interactions) of the cold → warm move, tried by `tuneOnTraining`. */
export const HALF_WARM_GRID: readonly number[] = [3, 5, 8, 10, 15, 20];
/** Candidate steepness of that move (see `BlendWeights.warmPower`). */
export const WARM_POWER_GRID: readonly number[] = [1, 2, 3];

export interface TunedConfig {
  readonly ease: EaseOptions;
  readonly blend: BlendWeights;
  readonly log: string[];
}

/**
 * Tunes EASE's λ and the warm blend weights on a validation split carved from the training data only
 * (a random `valFraction` of each user's training ratings, at most `maxUsers` users scored).
 */
export function tuneOnTraining(
  train: TrainingData,
  opts: {
    seed: number;
    valFraction?: number;
    maxUsers?: number;
    lambdas?: number[];
    halfWarmGrid?: number[];
    base?: HybridOptions;
    onProgress?: (msg: string) => void;
  },
): TunedConfig {
  const log: string[] = [];
  const say = (m: string) => {
    log.push(m);
    opts.onProgress?.(m);
  };
  const rand = mulberry32(opts.seed ^ 0x5eed);
  const n = train.ratings.user.length;
  const rowsByUser: number[][] = Array.from({ length: train.userIds.length }, () => []);
  for (let k = 0; k < n; k++) rowsByUser[train.ratings.user[k]!]!.push(k);
  const isVal = new Uint8Array(n);
  const candidates: number[] = [];
  for (let u = 0; u < rowsByUser.length; u++) {
    const rows = rowsByUser[u]!;
    shuffleInPlace(rows, rand);
    const nVal = rows.length >= 5 ? Math.floor(rows.length * (opts.valFraction ?? 0.2)) : 0;
    for (let t = 0; t < nVal; t++) isVal[rows[t]!] = 1;
    if (nVal > 0) candidates.push(u);
  }
  shuffleInPlace(candidates, rand);
  const users = candidates.slice(0, opts.maxUsers ?? 1000).sort((a, b) => a - b);
  const keep = (k: number) => !isVal[k];
  const idx = Array.from({ length: n }, (_, k) => k).filter(keep);
  const sub: TrainingData = {
    items: train.items,
    userIds: train.userIds,
    ratings: {
      user: Int32Array.from(idx, (k) => train.ratings.user[k]!),
      item: Int32Array.from(idx, (k) => train.ratings.item[k]!),
      value: Float32Array.from(idx, (k) => train.ratings.value[k]!),
    },
  };
  const tests: Int32Array[] = Array.from({ length: train.userIds.length }, () => new Int32Array(0));
  for (const u of users)
    tests[u] = Int32Array.from(rowsByUser[u]!.filter((k) => isVal[k]).map((k) => train.ratings.item[k]!));
  const baseEase = opts.base?.ease ?? DEFAULT_EASE;
  let model = buildHybrid(sub, { ...opts.base, ease: baseEase });
  const cfg: RankerConfig = { blend: DEFAULT_BLEND, seed: opts.seed, diversity: 1 };

  // 1. EASE λ.
  let bestLambda = baseEase.lambda;
  let bestNdcg = -1;
  if (model.ease) {
    for (const lambda of opts.lambdas ?? [50, 100, 200, 400, 800]) {
      const ease = buildEase(model.byUser, model.popularity.counts, { ...baseEase, lambda });
      const m = { ...model, ease };
      const r = evaluateModel(m, 'ease', cfg, users, tests);
      say(`tune: ease λ=${lambda} validation nDCG@10=${r['ndcg@10'].toFixed(4)}`);
      if (r['ndcg@10'] > bestNdcg) {
        bestNdcg = r['ndcg@10'];
        bestLambda = lambda;
        model = m;
      }
    }
  }
  const ease = { ...baseEase, lambda: bestLambda };

  // 2. Warm blend weights by coordinate ascent over cached per-source z-scores.
  const allOn: BlendWeights = {
    ...DEFAULT_BLEND,
    warm: Object.fromEntries(SOURCES.map((s) => [s, 1])),
    cold: Object.fromEntries(SOURCES.map((s) => [s, 1])),
  };
  const rand2 = mulberry32(opts.seed ^ 0xc01d);
  const makeCache = (maxItems: number) =>
    users.map((u) => {
      const a = model.byUser.ptr[u]!;
      const b = model.byUser.ptr[u + 1]!;
      let pick = Array.from({ length: b - a }, (_, t) => a + t);
      if (pick.length > maxItems) {
        shuffleInPlace(pick, rand2);
        pick = pick.slice(0, maxItems).sort((x, y) => x - y);
      }
      const ev: UserEvidence = {
        items: Int32Array.from(pick, (k) => model.byUser.cols[k]!),
        ratings: Float32Array.from(pick, (k) => model.byUser.vals[k]!),
        selfIndex: u,
        // A simulated cold user must not be recommended what they rated in the full validation training.
        exclude: model.byUser.cols.slice(a, b),
      };
      const r = blendScores(model, ev, { count: 10, blend: allOn });
      return { u, n: ev.items.length, z: r.normalised, excluded: r.excluded };
    });
  const nItems = model.items.length;
  const scores = new Float32Array(nItems);
  const score = (cache: ReturnType<typeof makeCache>, blend: BlendWeights): number => {
    const acc = new MetricsAccumulator(nItems, 10, model.popularity.counts, model.userIds.length);
    for (const c of cache) {
      const w = effectiveWeights(blend, c.n);
      scores.fill(0);
      for (const s of SOURCES) {
        const z = c.z[s];
        const ws = w[s];
        if (!z || ws === 0) continue;
        for (let i = 0; i < nItems; i++) scores[i]! += ws * z[i]!;
      }
      acc.add(
        topK(scores, 10, (i) => c.excluded[i] === 1),
        tests[c.u]!,
      );
    }
    return acc.result()['ndcg@10'];
  };
  const full = (w: SourceWeights): Record<Source, number> =>
    Object.fromEntries(SOURCES.map((s) => [s, w[s] ?? 0])) as Record<Source, number>;
  const ascend = (
    cache: ReturnType<typeof makeCache>,
    which: 'warm' | 'cold',
    start: BlendWeights,
    grid: Record<Source, number[]>,
  ): { blend: BlendWeights; ndcg: number } => {
    const w = full(start[which]);
    const with_ = (x: Record<Source, number>): BlendWeights => ({ ...start, [which]: x });
    let best = score(cache, with_(w));
    for (let round = 0; round < 2; round++) {
      for (const s of SOURCES) {
        for (const v of grid[s]) {
          if (v === w[s]) continue;
          const r = score(cache, with_({ ...w, [s]: v }));
          if (r > best + 1e-6) {
            best = r;
            w[s] = v;
          }
        }
      }
    }
    return { blend: with_(w), ndcg: best };
  };
  const warmCache = makeCache(Number.MAX_SAFE_INTEGER);
  say(`tune: default blend validation nDCG@10=${score(warmCache, DEFAULT_BLEND).toFixed(4)}`);
  const warmGrid: Record<Source, number[]> = {
    ease: [1],
    item_knn: [0, 0.1, 0.2, 0.3, 0.5, 0.8],
    user_knn: [0, 0.1, 0.2, 0.3, 0.5, 0.8],
    content: [0, 0.03, 0.06, 0.1, 0.2, 0.3, 0.5, 0.8],
    popularity: [0, 0.03, 0.06, 0.1, 0.2, 0.3, 0.5],
  };
  const warmRes = ascend(warmCache, 'warm', DEFAULT_BLEND, warmGrid);
  const warm = warmRes.blend.warm;
  say(`tune: warm blend ${JSON.stringify(warm)} validation nDCG@10=${warmRes.ndcg.toFixed(4)}`);
  // Cold weights: the same validation users, each seen through at most 5 of their training ratings.
  const coldCache = makeCache(5);
  const coldGrid = [0, 0.1, 0.2, 0.4, 0.7, 1];
  const coldRes = ascend(coldCache, 'cold', warmRes.blend, {
    ease: coldGrid,
    item_knn: coldGrid,
    user_knn: coldGrid,
    content: coldGrid,
    popularity: coldGrid,
  });
  say(
    `tune: cold blend ${JSON.stringify(coldRes.blend.cold)} validation (≤ 5 ratings) nDCG@10=${coldRes.ndcg.toFixed(4)}`,
  );
  // 3. How fast the blend moves from cold to warm: judged on both caches, so neither kind of user is sacrificed
  // (with a fixed midpoint, a user with 15–30 ratings keeps a large share of the cold weights).
  let blend = coldRes.blend;
  let bestSum = -1;
  for (const warmPower of WARM_POWER_GRID) {
    for (const h of opts.halfWarmGrid ?? HALF_WARM_GRID) {
      const b: BlendWeights = { ...coldRes.blend, halfWarmAt: h, warmPower };
      const w = score(warmCache, b);
      const c = score(coldCache, b);
      say(`tune: halfWarmAt=${h} warmPower=${warmPower} validation nDCG@10 warm=${w.toFixed(4)} cold=${c.toFixed(4)}`);
      if (w + c > bestSum + 1e-6) {
        bestSum = w + c;
        blend = b;
      }
    }
  }
  say(`tune: chose halfWarmAt=${blend.halfWarmAt} warmPower=${blend.warmPower}`);
  // 4. The warm weights were fitted under the default move; refit them under the chosen one.
  const refit = ascend(warmCache, 'warm', blend, warmGrid);
  say(`tune: warm blend refit ${JSON.stringify(refit.blend.warm)} validation nDCG@10=${refit.ndcg.toFixed(4)}`);
  return { ease, blend: refit.blend, log };
}
