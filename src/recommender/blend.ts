// The blend: each source's raw scores are z-normalised over the candidate films, then summed with weights that move
// from cold (content + prior + user-kNN) to warm (the neighbour models) as the user's history grows.
import type { HybridModel } from './model.ts';
import { type ImplicitVector, SCORERS, scoreSources } from './scorers.ts';
import { SOURCES, type Source, type SourceWeights, type UserEvidence } from './types.ts';
import type { Neighbours } from './user-knn.ts';

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
  // Warm `related` (TMDB's recommendations/similar lists): 0.2, from protocol (c) validation with the stand-in lists
  // derived from TMDB 5000 (warm validation chose 0.3; docs/benchmarks.md).
  warm: { ease: 1, item_knn: 0.1, user_knn: 0.1, content: 0.4, popularity: 0.05, related: 0.2 },
  // Cold weights and the cold → warm move as `tuneOnTraining` chose them on protocol (a)'s training data (EASE 0,
  // TMDB lists 0.1, halfWarmAt 8, warmPower 2), except content: validation gives it 0 there (relevance is "rated at
  // all", which favours crowd-pleasers), and 0.5 is what keeps a newcomer's picks their own (docs/benchmarks.md,
  // "Protocol (c) across splits, as served").
  cold: { content: 0.5, popularity: 1, item_knn: 0.2, ease: 0, user_knn: 1, related: 0.1 },
  halfWarmAt: 8,
  warmPower: 2,
};

/** The weights used for a user with `n` interactions: a smooth move from cold to warm. */
export function effectiveWeights(blend: BlendWeights, n: number): Record<Source, number> {
  const p = blend.warmPower ?? 1;
  const c = p === 1 ? n / (n + blend.halfWarmAt) : n ** p / (n ** p + blend.halfWarmAt ** p);
  const out = {} as Record<Source, number>;
  for (const s of SOURCES) out[s] = (1 - c) * (blend.cold[s] ?? 0) + c * (blend.warm[s] ?? 0);
  return out;
}

/** What shapes one user's blended scores. */
export interface BlendOptions {
  readonly blend?: BlendWeights;
  /** Sources to score (all by default); the offline baselines use one at a time (raw scores, no blend). */
  readonly sources?: readonly Source[];
  /**
   * Weight of each disliked film (👎, not interested) as NEGATIVE evidence in the EASE and item-kNN user vectors
   * (a liked film weighs 1). 0 only excludes disliked films. Default `DEFAULT_DISLIKE_WEIGHT` (scorers.ts).
   */
  readonly dislikeWeight?: number;
  /** Weight of each shown-but-ignored film as negative evidence (see {@link UserEvidence.ignored}). Default 0 (off). */
  readonly ignoredWeight?: number;
}

/** Films never to recommend this user: seen, disliked, excluded by the caller, shown and ignored. */
export function excludedMask(model: HybridModel, user: UserEvidence): Uint8Array {
  const mask = new Uint8Array(model.items.length);
  for (const list of [user.items, user.disliked, user.exclude, user.ignored]) {
    if (list) for (let t = 0; t < list.length; t++) if (list[t]! >= 0) mask[list[t]!] = 1;
  }
  return mask;
}

/** Mean and standard deviation of `scores` over the films not masked. */
export function candidateMoments(scores: Float32Array, mask: Uint8Array): { mean: number; sd: number } {
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
  return { mean, sd };
}

/** z-scores over the candidate films (mean 0, sd 1); a constant source becomes all zeros. */
export function zNormalise(scores: Float32Array, mask: Uint8Array): Float32Array {
  const { mean, sd } = candidateMoments(scores, mask);
  const out = new Float32Array(scores.length);
  if (sd > 1e-12) for (let i = 0; i < scores.length; i++) out[i] = (scores[i]! - mean) / sd;
  return out;
}

export interface BlendResult {
  readonly scores: Float32Array;
  /** Per-source raw scores (before z-normalisation), for the reasons. */
  readonly raw: Partial<Record<Source, Float32Array>>;
  readonly normalised: Partial<Record<Source, Float32Array>>;
  readonly weights: Record<Source, number>;
  readonly excluded: Uint8Array;
  readonly neighbours: Neighbours | null;
  /** The implicit user vector the neighbour models scored (the reasons split scores over it). */
  readonly vector: ImplicitVector;
}

/** Blended score for every film (excluded films get −∞). */
export function blendScores(model: HybridModel, user: UserEvidence, opts: BlendOptions): BlendResult {
  const sources = opts.sources ?? SOURCES;
  const { blend, dislikeWeight, ignoredWeight } = opts;
  const weights = effectiveWeights(blend ?? DEFAULT_BLEND, user.items.length);
  const scored = sources.filter((s) => sources.length === 1 || weights[s] !== 0);
  const { raw, neighbours, vector } = scoreSources(model, user, scored, dislikeWeight, ignoredWeight);
  const excluded = excludedMask(model, user);
  const normalised: Partial<Record<Source, Float32Array>> = {};
  for (const s of sources) {
    const r = raw[s];
    if (r) normalised[s] = zNormalise(r, excluded);
  }
  // A source that covers only some films (EASE: the most rated) lends the rest to its fallback's z-scores.
  for (const s of sources) {
    const z = normalised[s];
    const fb = SCORERS[s].fallback;
    if (!z || !fb) continue;
    const other = normalised[fb.source];
    for (let i = 0; i < z.length; i++) if (!fb.covers(model, i)) z[i] = other ? other[i]! : 0;
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
  return { scores, raw, normalised, weights, excluded, neighbours, vector };
}
