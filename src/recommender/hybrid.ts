// The hybrid: builds every model once from training data, then per user blends z-normalised source scores with
// weights that move from content + prior (cold) to the neighbour models (warm), filters, re-ranks for diversity
// (MMR) and explains each pick with its strongest evidence.
import {
  buildContent,
  type ContentModel,
  type ContentWeights,
  contentProfile,
  contentSimilarity,
  scoreContent,
} from './content.ts';
import { csrFromTriplets, transpose } from './csr.ts';
import { buildEase, DEFAULT_EASE, type EaseModel, type EaseOptions, easeWeight, scoreEase } from './ease.ts';
import {
  buildItemKnn,
  DEFAULT_ITEM_KNN,
  type ItemKnnModel,
  type ItemKnnOptions,
  itemKnnSimilarity,
  scoreItemKnn,
} from './item-knn.ts';
import { buildPopularity, type PopularityModel } from './popularity.ts';
import { topK } from './topk.ts';
import {
  type Csr,
  type Filters,
  type ItemMeta,
  type ScoredItem,
  SOURCES,
  type Source,
  type SourceWeights,
  type TrainingData,
  type UserEvidence,
} from './types.ts';
import {
  DEFAULT_USER_KNN,
  findNeighbours,
  type Neighbours,
  neighbourEvidence,
  scoreUserKnn,
  type UserKnnOptions,
} from './user-knn.ts';

export interface HybridOptions {
  readonly itemKnn?: ItemKnnOptions;
  readonly userKnn?: UserKnnOptions;
  /** null disables EASE (item-kNN then covers every film). */
  readonly ease?: EaseOptions | null;
  readonly content?: ContentWeights;
  /** Which models to build; all by default. The offline baselines build only what they need. */
  readonly models?: readonly Source[];
}

export interface HybridModel {
  readonly items: readonly ItemMeta[];
  readonly itemIndex: ReadonlyMap<number, number>;
  readonly userIds: readonly string[];
  readonly userIndex: ReadonlyMap<string, number>;
  readonly byUser: Csr;
  readonly byItem: Csr;
  readonly popularity: PopularityModel;
  readonly content: ContentModel | null;
  readonly itemKnn: ItemKnnModel | null;
  readonly ease: EaseModel | null;
  readonly userKnn: UserKnnOptions;
  /** Whether any film has metadata beyond a title (genres, keywords, …). */
  readonly hasContent: boolean;
}

export function buildHybrid(data: TrainingData, opts: HybridOptions = {}): HybridModel {
  const models = new Set<Source>(opts.models ?? SOURCES);
  const nItems = data.items.length;
  const nUsers = data.userIds.length;
  const byUser = csrFromTriplets(nUsers, nItems, data.ratings.user, data.ratings.item, data.ratings.value);
  const byItem = transpose(byUser);
  const popularity = buildPopularity(byItem, data.items);
  const hasContent = data.items.some((m) => m.genres.length > 0 || m.keywords.length > 0 || m.directors.length > 0);
  const content = models.has('content') || models.has('item_knn') ? buildContent(data.items, opts.content) : null;
  const needKnn = models.has('item_knn') || models.has('ease');
  const itemKnn = needKnn ? buildItemKnn(byUser, byItem, opts.itemKnn ?? DEFAULT_ITEM_KNN) : null;
  const easeOpts = opts.ease === undefined ? DEFAULT_EASE : opts.ease;
  const ease = models.has('ease') && easeOpts ? buildEase(byUser, popularity.counts, easeOpts) : null;
  return {
    items: data.items,
    itemIndex: new Map(data.items.map((m, i) => [m.id, i])),
    userIds: data.userIds,
    userIndex: new Map(data.userIds.map((u, i) => [u, i])),
    byUser,
    byItem,
    popularity,
    content,
    itemKnn,
    ease,
    userKnn: opts.userKnn ?? DEFAULT_USER_KNN,
    hasContent,
  };
}

export interface BlendWeights {
  /** Weights once we know the user well. */
  readonly warm: SourceWeights;
  /** Weights for a user with (almost) no history. */
  readonly cold: SourceWeights;
  /** Interactions at which the blend is half-way from cold to warm. */
  readonly halfWarmAt: number;
  /**
   * Steepness of the move: warmth is nᵖ / (nᵖ + halfWarmAtᵖ). 1 (the default) is the gentle n / (n + h); 2–3 keep
   * users with a handful of ratings cold while users with dozens are almost fully warm.
   */
  readonly warmPower?: number;
}

export const DEFAULT_BLEND: BlendWeights = {
  // Close to what validation-only tuning picks on ml-latest-small (docs/recommender.md).
  warm: { ease: 1, item_knn: 0.1, user_knn: 0.1, content: 0.4, popularity: 0.05 },
  cold: { content: 0.5, popularity: 1, item_knn: 0.2, ease: 0.2, user_knn: 1 },
  halfWarmAt: 10,
};

/** The weights used for a user with `n` interactions: a smooth move from cold to warm. */
export function effectiveWeights(blend: BlendWeights, n: number): Record<Source, number> {
  const p = blend.warmPower ?? 1;
  const c = p === 1 ? n / (n + blend.halfWarmAt) : n ** p / (n ** p + blend.halfWarmAt ** p);
  const out = {} as Record<Source, number>;
  for (const s of SOURCES) out[s] = (1 - c) * (blend.cold[s] ?? 0) + c * (blend.warm[s] ?? 0);
  return out;
}

/** How much a past interaction counts in the implicit (neighbour) models. */
export function implicitWeight(stars: number): number {
  if (Number.isNaN(stars)) return 1;
  return stars >= 2 ? 1 : 0.5;
}

export interface RecommendOptions {
  readonly count: number;
  readonly filters?: Filters;
  readonly blend?: BlendWeights;
  /** MMR trade-off: 1 ranks by relevance only, lower values favour variety. */
  readonly diversity?: number;
  /** Sources to score (all by default); the offline baselines use one at a time. */
  readonly sources?: readonly Source[];
  /** Skip building reasons (offline evaluation does not need them). */
  readonly withReasons?: boolean;
  /**
   * Weight of each disliked film (👎, not interested) as NEGATIVE evidence in the EASE and item-kNN user vectors
   * (a liked film weighs 1). 0 only excludes disliked films. Default {@link DEFAULT_DISLIKE_WEIGHT}.
   */
  readonly dislikeWeight?: number;
  /** Weight of each shown-but-ignored film as negative evidence (see {@link UserEvidence.ignored}). Default 0 (off). */
  readonly ignoredWeight?: number;
}

/** Chosen on simulation seeds 7/8/9 (docs/weekly-picks.md), never on the seeds reported. */
export const DEFAULT_DISLIKE_WEIGHT = 2;

/**
 * Weight of a weekly pick sent earlier that drew no reaction, as negative evidence (callers opt in through
 * {@link RecommendOptions.ignoredWeight}). Chosen on simulation seeds 7/8/9 like the dislike weight.
 */
export const DEFAULT_IGNORED_WEIGHT = 0.25;

/**
 * The user vector for the neighbour models: positive weights for what the user rated, watched or 👍'd, and
 * −dislikeWeight for each disliked film not also among them.
 */
export function implicitVector(
  user: UserEvidence,
  dislikeWeight: number = DEFAULT_DISLIKE_WEIGHT,
  ignoredWeight = 0,
): { items: Int32Array; weights: Float32Array } {
  const own = new Set(user.items);
  const neg = new Map<number, number>();
  if (dislikeWeight > 0 && user.disliked)
    for (const j of user.disliked) if (j >= 0 && !own.has(j)) neg.set(j, -dislikeWeight);
  if (ignoredWeight > 0 && user.ignored)
    for (const j of user.ignored) if (j >= 0 && !own.has(j) && !neg.has(j)) neg.set(j, -ignoredWeight);
  const items = new Int32Array(user.items.length + neg.size);
  const weights = new Float32Array(items.length);
  items.set(user.items);
  for (let t = 0; t < user.items.length; t++) weights[t] = implicitWeight(user.ratings[t]!);
  let t = user.items.length;
  for (const [j, w] of neg) {
    items[t] = j;
    weights[t++] = w;
  }
  return { items, weights };
}

interface SourceScores {
  readonly raw: Partial<Record<Source, Float32Array>>;
  readonly neighbours: Neighbours | null;
}

/** Raw per-source scores for every film. */
export function scoreSources(
  model: HybridModel,
  user: UserEvidence,
  sources: readonly Source[] = SOURCES,
  dislikeWeight: number = DEFAULT_DISLIKE_WEIGHT,
  ignoredWeight = 0,
): SourceScores {
  const n = model.items.length;
  const vec = implicitVector(user, dislikeWeight, ignoredWeight);
  const raw: Partial<Record<Source, Float32Array>> = {};
  let neighbours: Neighbours | null = null;
  for (const s of sources) {
    const out = new Float32Array(n);
    if (s === 'popularity') out.set(model.popularity.prior);
    else if (s === 'content') {
      if (!model.content) continue;
      scoreContent(model.content, contentProfile(model.content, user.items, user.ratings, user.disliked), out);
    } else if (s === 'item_knn') {
      if (!model.itemKnn) continue;
      scoreItemKnn(model.itemKnn, vec.items, vec.weights, out);
    } else if (s === 'ease') {
      if (!model.ease) continue;
      scoreEase(model.ease, vec.items, vec.weights, out);
    } else if (s === 'user_knn') {
      neighbours = findNeighbours(model.byUser, model.byItem, user.items, model.userKnn, user.selfIndex ?? -1);
      scoreUserKnn(model.byUser, neighbours, out);
    }
    raw[s] = out;
  }
  return { raw, neighbours };
}

function excludedMask(model: HybridModel, user: UserEvidence): Uint8Array {
  const mask = new Uint8Array(model.items.length);
  for (const list of [user.items, user.disliked, user.exclude, user.ignored]) {
    if (list) for (let t = 0; t < list.length; t++) if (list[t]! >= 0) mask[list[t]!] = 1;
  }
  return mask;
}

export function passesFilters(meta: ItemMeta, f: Filters | undefined): boolean {
  if (!f) return true;
  if (f.genre) {
    const g = f.genre.toLowerCase();
    if (!meta.genres.some((x) => x.toLowerCase() === g)) return false;
  }
  if (f.fromYear !== undefined && (meta.year === null || meta.year < f.fromYear)) return false;
  if (f.toYear !== undefined && (meta.year === null || meta.year > f.toYear)) return false;
  if (f.maxRuntime !== undefined && (meta.runtime === null || meta.runtime > f.maxRuntime)) return false;
  return true;
}

/** z-scores over the candidate films (mean 0, sd 1); a constant source becomes all zeros. */
function zNormalise(scores: Float32Array, mask: Uint8Array): Float32Array {
  let sum = 0;
  let sq = 0;
  let c = 0;
  for (let i = 0; i < scores.length; i++) {
    if (mask[i]) continue;
    const v = scores[i]!;
    sum += v;
    sq += v * v;
    c++;
  }
  const mean = c > 0 ? sum / c : 0;
  const sd = c > 0 ? Math.sqrt(Math.max(sq / c - mean * mean, 0)) : 0;
  const out = new Float32Array(scores.length);
  if (sd > 1e-12) for (let i = 0; i < scores.length; i++) out[i] = (scores[i]! - mean) / sd;
  return out;
}

export interface BlendResult {
  readonly scores: Float32Array;
  readonly normalised: Partial<Record<Source, Float32Array>>;
  readonly weights: Record<Source, number>;
  readonly excluded: Uint8Array;
  readonly neighbours: Neighbours | null;
}

/** Blended score for every film (excluded films get −∞). */
export function blendScores(model: HybridModel, user: UserEvidence, opts: RecommendOptions): BlendResult {
  const sources = opts.sources ?? SOURCES;
  const weights = effectiveWeights(opts.blend ?? DEFAULT_BLEND, user.items.length);
  const { raw, neighbours } = scoreSources(
    model,
    user,
    sources.filter((s) => sources.length === 1 || weights[s] !== 0),
    opts.dislikeWeight,
    opts.ignoredWeight,
  );
  const excluded = excludedMask(model, user);
  const normalised: Partial<Record<Source, Float32Array>> = {};
  for (const s of sources) {
    const r = raw[s];
    if (r) normalised[s] = zNormalise(r, excluded);
  }
  // EASE covers only the most-rated films: the tail borrows its item-kNN score.
  const easeZ = normalised.ease;
  const knnZ = normalised.item_knn;
  if (easeZ && model.ease) {
    for (let i = 0; i < easeZ.length; i++) if (model.ease.pos[i]! < 0) easeZ[i] = knnZ ? knnZ[i]! : 0;
  }
  const n = model.items.length;
  const scores = new Float32Array(n);
  const single = sources.length === 1 ? raw[sources[0]!] : undefined;
  for (const s of sources) {
    const z = normalised[s];
    const w = sources.length === 1 ? 1 : weights[s];
    if (!z || w === 0 || single) continue;
    for (let i = 0; i < n; i++) scores[i]! += w * z[i]!;
  }
  if (single) scores.set(single);
  for (let i = 0; i < n; i++) if (excluded[i]) scores[i] = Number.NEGATIVE_INFINITY;
  return { scores, normalised, weights, excluded, neighbours };
}

function similarity(model: HybridModel, a: number, b: number): number {
  if (model.content && model.hasContent) return contentSimilarity(model.content, a, b);
  if (model.itemKnn) return Math.max(itemKnnSimilarity(model.itemKnn, a, b), itemKnnSimilarity(model.itemKnn, b, a));
  return 0;
}

/** Maximal marginal relevance over a pool: λ·relevance − (1−λ)·max similarity to what is already picked. */
export function mmr(
  model: HybridModel,
  pool: Int32Array,
  scores: Float32Array,
  count: number,
  lambda: number,
): Int32Array {
  if (lambda >= 1 || pool.length <= 1) return pool.slice(0, count);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const i of pool) {
    lo = Math.min(lo, scores[i]!);
    hi = Math.max(hi, scores[i]!);
  }
  const span = hi - lo || 1;
  const picked: number[] = [];
  const maxSim = new Float64Array(pool.length);
  const used = new Uint8Array(pool.length);
  while (picked.length < Math.min(count, pool.length)) {
    let best = -1;
    let bestVal = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < pool.length; p++) {
      if (used[p]) continue;
      const v = lambda * ((scores[pool[p]!]! - lo) / span) - (1 - lambda) * maxSim[p]!;
      if (v > bestVal) {
        bestVal = v;
        best = p;
      }
    }
    used[best] = 1;
    const item = pool[best]!;
    picked.push(item);
    for (let p = 0; p < pool.length; p++) {
      if (!used[p]) maxSim[p] = Math.max(maxSim[p]!, similarity(model, item, pool[p]!));
    }
  }
  return Int32Array.from(picked);
}

/** The top `count` films for one user, best first, with per-source scores and a reason each. */
export function recommend(model: HybridModel, user: UserEvidence, opts: RecommendOptions): ScoredItem[] {
  const blend = blendScores(model, user, opts);
  const f = opts.filters;
  const skip = (i: number) =>
    blend.excluded[i] === 1 || !Number.isFinite(blend.scores[i]!) || !passesFilters(model.items[i]!, f);
  const diversity = opts.diversity ?? 1;
  const poolSize = diversity < 1 ? Math.max(opts.count * 5, 50) : opts.count;
  const pool = topK(blend.scores, poolSize, skip);
  const chosen = mmr(model, pool, blend.scores, opts.count, diversity);
  return Array.from(chosen, (item) => {
    const sources = {} as Record<Source, number>;
    for (const s of SOURCES) sources[s] = blend.normalised[s]?.[item] ?? 0;
    return {
      item,
      score: blend.scores[item]!,
      sources,
      reason: opts.withReasons === false ? '' : explain(model, user, item, blend),
    };
  });
}

/** Top-k item indices only (offline evaluation). */
export function rankItems(model: HybridModel, user: UserEvidence, opts: RecommendOptions): Int32Array {
  const blend = blendScores(model, user, opts);
  return topK(blend.scores, opts.count, (i) => blend.excluded[i] === 1 || !Number.isFinite(blend.scores[i]!));
}

/**
 * Scores for a group: each member's blended scores are z-normalised, then averaged with a least-misery penalty
 * (the unhappiest member weighs double). Films any member has seen or dismissed are excluded.
 */
export function recommendForGroup(
  model: HybridModel,
  members: readonly UserEvidence[],
  opts: RecommendOptions,
): ScoredItem[] {
  const n = model.items.length;
  const sum = new Float32Array(n);
  const min = new Float32Array(n).fill(Number.POSITIVE_INFINITY);
  const excluded = new Uint8Array(n);
  for (const m of members) {
    const b = blendScores(model, m, opts);
    const z = zNormalise(
      b.scores.map((v) => (Number.isFinite(v) ? v : 0)),
      b.excluded,
    );
    for (let i = 0; i < n; i++) {
      if (b.excluded[i]) excluded[i] = 1;
      sum[i]! += z[i]!;
      min[i] = Math.min(min[i]!, z[i]!);
    }
  }
  const k = Math.max(members.length, 1);
  const scores = new Float32Array(n);
  for (let i = 0; i < n; i++) scores[i] = excluded[i] ? Number.NEGATIVE_INFINITY : (sum[i]! + min[i]!) / (k + 1);
  const top = topK(scores, opts.count, (i) => excluded[i] === 1 || !passesFilters(model.items[i]!, opts.filters));
  return Array.from(top, (item) => ({
    item,
    score: scores[item]!,
    sources: Object.fromEntries(SOURCES.map((s) => [s, 0])) as Record<Source, number>,
    reason: `A good fit for all ${members.length} of you`,
  }));
}

function formatStars(x: number): string {
  const r = Math.round(x * 10) / 10;
  return `${Number.isInteger(r) ? r.toFixed(0) : r.toFixed(1)}★`;
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The strongest evidence for a pick, as one human line. */
export function explain(model: HybridModel, user: UserEvidence, item: number, blend: BlendResult): string {
  const contrib = SOURCES.map((s) => ({ s, v: blend.weights[s] * (blend.normalised[s]?.[item] ?? 0) }));
  contrib.sort((a, b) => b.v - a.v);
  const meta = model.items[item]!;
  // Films the user liked, most liked first (stars unknown counts as a plain "watched").
  const liked: { j: number; stars: number }[] = [];
  for (let t = 0; t < user.items.length; t++) {
    const r = user.ratings[t]!;
    if (!Number.isNaN(r) && r >= 3.5) liked.push({ j: user.items[t]!, stars: r });
  }
  const becauseYou = (): string | null => {
    let best: { j: number; stars: number } | null = null;
    let bestSim = 0;
    for (const l of liked) {
      let s = 0;
      if (model.ease) s = Math.max(s, easeWeight(model.ease, l.j, item) * 10);
      if (model.itemKnn) s = Math.max(s, itemKnnSimilarity(model.itemKnn, l.j, item));
      s *= l.stars >= 4.5 ? 1.2 : 1;
      if (s > bestSim) {
        bestSim = s;
        best = l;
      }
    }
    if (!best) return null;
    const verb = best.stars >= 4.5 ? 'loved' : 'liked';
    return `Because you ${verb} ${model.items[best.j]!.title}`;
  };
  const neighbours = (): string | null => {
    if (!blend.neighbours) return null;
    const ev = neighbourEvidence(model.byUser, blend.neighbours, item);
    if (ev.count < 2) return null;
    const people = `${ev.count} people with your taste`;
    return Number.isNaN(ev.meanStars) ? `${people} watched it` : `${people} gave it ${formatStars(ev.meanStars)}`;
  };
  const shared = (): string | null => {
    let bestLine: string | null = null;
    let bestScore = 0;
    for (const l of liked) {
      const other = model.items[l.j]!;
      const dirs = meta.directors.filter((d) => other.directors.includes(d));
      if (dirs.length > 0 && 3 > bestScore) {
        bestScore = 3;
        bestLine = `From ${dirs[0]}, who made ${other.title}`;
      }
      const kws = meta.keywords.filter((k) => other.keywords.includes(k));
      if (kws.length >= 2 && kws.length > bestScore - 1) {
        bestScore = kws.length + 1;
        bestLine = `Shares ${joinNames(kws.slice(0, 2))} with ${other.title}`;
      }
      const cast = meta.cast.slice(0, 3).filter((c) => other.cast.slice(0, 5).includes(c));
      if (cast.length > 0 && 2 > bestScore) {
        bestScore = 2;
        bestLine = `With ${cast[0]}, as in ${other.title}`;
      }
    }
    if (bestLine) return bestLine;
    const g = meta.genres[0];
    return g && contrib[0]?.s === 'content' ? `Matches your taste for ${g.toLowerCase()}` : null;
  };
  const popular = (): string => {
    const c = model.popularity.counts[item]!;
    if (c >= 3) return `Popular here: ${c} ratings averaging ${formatStars(model.popularity.quality[item]!)}`;
    if (meta.voteCount > 0)
      return `Highly rated: ${meta.voteAverage.toFixed(1)}/10 from ${meta.voteCount.toLocaleString('en-US')} votes`;
    return 'A well-loved pick to start with';
  };
  const bySource: Record<Source, (() => string | null)[]> = {
    ease: [becauseYou, neighbours, shared],
    item_knn: [becauseYou, shared, neighbours],
    user_knn: [neighbours, becauseYou, shared],
    content: [shared, becauseYou, neighbours],
    popularity: [neighbours, becauseYou, shared],
  };
  for (const f of bySource[contrib[0]!.s]) {
    const line = f();
    if (line) return line;
  }
  return popular();
}
