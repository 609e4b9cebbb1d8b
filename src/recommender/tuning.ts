// Validation-only tuning of the hybrid on training data: a validation split carved from the training ratings, EASE's
// λ, the warm and cold blend weights (coordinate ascent over cached per-source z-scores) and the cold → warm move.
import { type BlendWeights, blendScores, DEFAULT_BLEND, effectiveWeights } from './blend.ts';
import { buildEase, DEFAULT_EASE, type EaseOptions } from './ease.ts';
import { MetricsAccumulator } from './evaluation.ts';
import { buildHybrid, type HybridModel, type HybridOptions } from './model.ts';
import { evaluateModel, type RankerConfig } from './offline.ts';
import { mulberry32, shuffleInPlace } from './rng.ts';
import { topK } from './topk.ts';
import { SOURCES, type Source, type SourceWeights, type TrainingData, type UserEvidence } from './types.ts';

/** Candidate midpoints (interactions) of the cold → warm move, tried by `tuneOnTraining`. */
export const HALF_WARM_GRID: readonly number[] = [3, 5, 8, 10, 15, 20];
/** Candidate steepness of that move (see `BlendWeights.warmPower`). */
export const WARM_POWER_GRID: readonly number[] = [1, 2, 3];

const WARM_GRID: Record<Source, number[]> = {
  ease: [1],
  item_knn: [0, 0.1, 0.2, 0.3, 0.5, 0.8],
  user_knn: [0, 0.1, 0.2, 0.3, 0.5, 0.8],
  content: [0, 0.03, 0.06, 0.1, 0.2, 0.3, 0.5, 0.8],
  popularity: [0, 0.03, 0.06, 0.1, 0.2, 0.3, 0.5],
  related: [0, 0.03, 0.06, 0.1, 0.2, 0.3, 0.5],
};
const COLD_STEPS = [0, 0.1, 0.2, 0.4, 0.7, 1];
/** Warm popularity weights tried as a popularity penalty, mildest first (negative = pushes popular films down). */
export const POPULARITY_PENALTY_GRID: readonly number[] = [-0.03, -0.06, -0.1, -0.15, -0.2, -0.3];
const COLD_GRID: Record<Source, number[]> = Object.fromEntries(SOURCES.map((s) => [s, COLD_STEPS])) as Record<
  Source,
  number[]
>;

export interface TunedConfig {
  readonly ease: EaseOptions;
  readonly blend: BlendWeights;
  readonly log: string[];
}

export interface TuneOptions {
  seed: number;
  valFraction?: number;
  maxUsers?: number;
  lambdas?: number[];
  halfWarmGrid?: number[];
  base?: HybridOptions;
  /**
   * Sources held at weight 0 throughout (an ablation: "the same hybrid without them", tuned the same way); without
   * `content`, EASE is also built without the films' content features (`sideWeight` 0).
   */
  without?: readonly Source[];
  /** Try a popularity penalty as the last step (default true). */
  popularityPenalty?: boolean;
  onProgress?: (msg: string) => void;
}

/** Training data with a validation share held out: the reduced training data and each scored user's held-out films. */
export interface ValidationSplit {
  readonly train: TrainingData;
  /** Users scored on validation, ascending. */
  readonly users: number[];
  /** Held-out films per user index (empty for users not scored). */
  readonly tests: Int32Array[];
}

/** A random `valFraction` of each training user's ratings (users with ≥ 5), at most `maxUsers` users scored. */
export function validationSplit(
  train: TrainingData,
  seed: number,
  valFraction = 0.2,
  maxUsers = 1000,
): ValidationSplit {
  const rand = mulberry32(seed ^ 0x5eed);
  const n = train.ratings.user.length;
  const rowsByUser: number[][] = Array.from({ length: train.userIds.length }, () => []);
  for (let k = 0; k < n; k++) rowsByUser[train.ratings.user[k]!]!.push(k);
  const isVal = new Uint8Array(n);
  const candidates: number[] = [];
  for (let u = 0; u < rowsByUser.length; u++) {
    const rows = rowsByUser[u]!;
    shuffleInPlace(rows, rand);
    const nVal = rows.length >= 5 ? Math.floor(rows.length * valFraction) : 0;
    for (let t = 0; t < nVal; t++) isVal[rows[t]!] = 1;
    if (nVal > 0) candidates.push(u);
  }
  shuffleInPlace(candidates, rand);
  const users = candidates.slice(0, maxUsers).sort((a, b) => a - b);
  const idx = Array.from({ length: n }, (_, k) => k).filter((k) => !isVal[k]);
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
  return { train: sub, users, tests };
}

/** Picks EASE's λ on validation; returns the model rebuilt with the best λ (unchanged when EASE is off). */
function tuneEaseLambda(
  model: HybridModel,
  val: ValidationSplit,
  base: EaseOptions,
  lambdas: readonly number[],
  cfg: RankerConfig,
  say: (m: string) => void,
): { model: HybridModel; ease: EaseOptions } {
  let bestLambda = base.lambda;
  let bestNdcg = -1;
  let best = model;
  if (model.ease) {
    for (const lambda of lambdas) {
      const ease = buildEase(model.byUser, model.popularity.counts, { ...base, lambda }, model.content?.vectors);
      const m = { ...model, ease };
      const r = evaluateModel(m, 'ease', cfg, val.users, val.tests);
      say(`tune: ease λ=${lambda} validation nDCG@10=${r['ndcg@10'].toFixed(4)}`);
      if (r['ndcg@10'] > bestNdcg) {
        bestNdcg = r['ndcg@10'];
        bestLambda = lambda;
        best = m;
      }
    }
  }
  return { model: best, ease: { ...base, lambda: bestLambda } };
}

/** One validation user's per-source z-scores, computed once so a blend is scored without re-running the models. */
interface CachedUser {
  readonly u: number;
  readonly n: number;
  readonly z: Partial<Record<Source, Float32Array>>;
  readonly excluded: Uint8Array;
}

const ALL_ON: BlendWeights = {
  ...DEFAULT_BLEND,
  warm: Object.fromEntries(SOURCES.map((s) => [s, 1])),
  cold: Object.fromEntries(SOURCES.map((s) => [s, 1])),
};

/**
 * A validation user as a cold or warm user would look: at most `maxItems` of their training films, chosen at random.
 * With `excludeAll`, everything they rated in the full training stays excluded from what is recommended.
 */
export function sampleEvidence(
  model: HybridModel,
  u: number,
  maxItems: number,
  rand: () => number,
  excludeAll = true,
): UserEvidence {
  const a = model.byUser.ptr[u]!;
  const b = model.byUser.ptr[u + 1]!;
  let pick = Array.from({ length: b - a }, (_, t) => a + t);
  if (pick.length > maxItems) {
    shuffleInPlace(pick, rand);
    pick = pick.slice(0, maxItems).sort((x, y) => x - y);
  }
  return {
    items: Int32Array.from(pick, (k) => model.byUser.cols[k]!),
    ratings: Float32Array.from(pick, (k) => model.byUser.vals[k]!),
    selfIndex: u,
    // A simulated cold user must not be recommended what they rated in the full validation training.
    exclude: excludeAll ? model.byUser.cols.slice(a, b) : undefined,
  };
}

/** Caches each validation user seen through at most `maxItems` of their training films (randomly chosen). */
function cacheUsers(model: HybridModel, users: readonly number[], maxItems: number, rand: () => number): CachedUser[] {
  return users.map((u) => {
    const ev = sampleEvidence(model, u, maxItems, rand);
    const r = blendScores(model, ev, { blend: ALL_ON });
    return { u, n: ev.items.length, z: r.normalised, excluded: r.excluded };
  });
}

/** Validation nDCG@10 of a blend over cached users. */
function blendNdcg(
  model: HybridModel,
  cache: readonly CachedUser[],
  tests: readonly Int32Array[],
  blend: BlendWeights,
) {
  const nItems = model.items.length;
  const scores = new Float32Array(nItems);
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
}

/** Coordinate ascent (two rounds) on the `which` weights of `start`, each source over its grid. */
function coordinateAscent(
  evaluate: (b: BlendWeights) => number,
  which: 'warm' | 'cold',
  start: BlendWeights,
  grid: Record<Source, number[]>,
): { blend: BlendWeights; ndcg: number } {
  const w = Object.fromEntries(SOURCES.map((s) => [s, start[which][s] ?? 0])) as Record<Source, number>;
  const with_ = (x: SourceWeights): BlendWeights => ({ ...start, [which]: x });
  let best = evaluate(with_(w));
  for (let round = 0; round < 2; round++) {
    for (const s of SOURCES) {
      for (const v of grid[s]) {
        if (v === w[s]) continue;
        const r = evaluate(with_({ ...w, [s]: v }));
        if (r > best + 1e-6) {
          best = r;
          w[s] = v;
        }
      }
    }
  }
  return { blend: with_(w), ndcg: best };
}

/**
 * How fast the blend moves from cold to warm, judged on the sum of warm and cold validation nDCG so neither kind of
 * user is sacrificed (with a fixed midpoint, a user with 15–30 ratings keeps a large share of the cold weights).
 */
function chooseWarmMove(
  start: BlendWeights,
  warm: (b: BlendWeights) => number,
  cold: (b: BlendWeights) => number,
  halfWarmGrid: readonly number[],
  say: (m: string) => void,
): BlendWeights {
  let blend = start;
  let bestSum = -1;
  for (const warmPower of WARM_POWER_GRID) {
    for (const h of halfWarmGrid) {
      const b: BlendWeights = { ...start, halfWarmAt: h, warmPower };
      const w = warm(b);
      const c = cold(b);
      say(`tune: halfWarmAt=${h} warmPower=${warmPower} validation nDCG@10 warm=${w.toFixed(4)} cold=${c.toFixed(4)}`);
      if (w + c > bestSum + 1e-6) {
        bestSum = w + c;
        blend = b;
      }
    }
  }
  say(`tune: chose halfWarmAt=${blend.halfWarmAt} warmPower=${blend.warmPower}`);
  return blend;
}

/**
 * Tunes EASE's λ, the warm and cold blend weights and the cold → warm move on a validation split carved from the
 * training data only (a random `valFraction` of each user's training ratings, at most `maxUsers` users scored).
 */
export function tuneOnTraining(train: TrainingData, opts: TuneOptions): TunedConfig {
  const log: string[] = [];
  const say = (m: string) => {
    log.push(m);
    opts.onProgress?.(m);
  };
  const val = validationSplit(train, opts.seed, opts.valFraction, opts.maxUsers);
  const off = new Set(opts.without ?? []);
  // Without content, EASE loses the films' content features too (its side information is content).
  const easeOpts = opts.base?.ease ?? DEFAULT_EASE;
  const baseEase = off.has('content') ? { ...easeOpts, sideWeight: 0 } : easeOpts;
  const zeroed = (w: SourceWeights) => Object.fromEntries(SOURCES.map((s) => [s, off.has(s) ? 0 : (w[s] ?? 0)]));
  const start: BlendWeights = { ...DEFAULT_BLEND, warm: zeroed(DEFAULT_BLEND.warm), cold: zeroed(DEFAULT_BLEND.cold) };
  const only = (g: Record<Source, number[]>) =>
    Object.fromEntries(SOURCES.map((s) => [s, off.has(s) ? [0] : g[s]])) as Record<Source, number[]>;
  const warmGrid = only(WARM_GRID);
  const coldGrid = only(COLD_GRID);
  const cfg: RankerConfig = { blend: start, seed: opts.seed, diversity: 1 };
  const built = buildHybrid(val.train, { ...opts.base, ease: baseEase });
  // 1. EASE λ.
  const { model, ease } = tuneEaseLambda(built, val, baseEase, opts.lambdas ?? [50, 100, 200, 400, 800], cfg, say);

  // 2. Warm weights on every validation user; cold weights on the same users seen through ≤ 5 training ratings.
  const rand = mulberry32(opts.seed ^ 0xc01d);
  const warmCache = cacheUsers(model, val.users, Number.MAX_SAFE_INTEGER, rand);
  const onWarm = (b: BlendWeights) => blendNdcg(model, warmCache, val.tests, b);
  say(`tune: default blend validation nDCG@10=${onWarm(start).toFixed(4)}`);
  const warmRes = coordinateAscent(onWarm, 'warm', start, warmGrid);
  say(`tune: warm blend ${JSON.stringify(warmRes.blend.warm)} validation nDCG@10=${warmRes.ndcg.toFixed(4)}`);
  const coldCache = cacheUsers(model, val.users, 5, rand);
  const onCold = (b: BlendWeights) => blendNdcg(model, coldCache, val.tests, b);
  const coldRes = coordinateAscent(onCold, 'cold', warmRes.blend, coldGrid);
  say(
    `tune: cold blend ${JSON.stringify(coldRes.blend.cold)} validation (≤ 5 ratings) nDCG@10=${coldRes.ndcg.toFixed(4)}`,
  );

  // 3. The cold → warm move, then 4. the warm weights refitted under it (they were fitted under the default move).
  const moved = chooseWarmMove(coldRes.blend, onWarm, onCold, opts.halfWarmGrid ?? HALF_WARM_GRID, say);
  const refit = coordinateAscent(onWarm, 'warm', moved, warmGrid);
  say(`tune: warm blend refit ${JSON.stringify(refit.blend.warm)} validation nDCG@10=${refit.ndcg.toFixed(4)}`);
  // 5. A popularity penalty, taken only as far as it costs no validation nDCG (fewer crowd-pleasers in every list).
  const penalised =
    opts.popularityPenalty === false || off.has('popularity')
      ? refit.blend
      : popularityPenalty(refit.blend, refit.ndcg, onWarm, say);
  return { ease, blend: penalised, log };
}

/**
 * The strongest popularity penalty (a negative warm popularity weight) whose validation nDCG@10 is at least the
 * unpenalised blend's; the blend unchanged when none is.
 */
function popularityPenalty(
  blend: BlendWeights,
  ndcg: number,
  evaluate: (b: BlendWeights) => number,
  say: (m: string) => void,
): BlendWeights {
  let best = blend;
  for (const p of POPULARITY_PENALTY_GRID) {
    if (p >= (blend.warm.popularity ?? 0)) continue;
    const b: BlendWeights = { ...blend, warm: { ...blend.warm, popularity: p } };
    const r = evaluate(b);
    say(`tune: popularity penalty ${p} validation nDCG@10=${r.toFixed(4)}`);
    if (r + 1e-9 < ndcg) break;
    best = b;
  }
  say(`tune: chose warm popularity ${best.warm.popularity ?? 0}`);
  return best;
}
