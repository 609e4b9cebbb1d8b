// The per-source scorers behind the blend, as a table: each entry says whether the model can score it and fills a
// raw score for every film. EASE covers only its most-rated subset; its entry names item-kNN as the fallback for
// the films outside it (applied after z-normalisation, in blend.ts).
import { contentProfile, scoreContent } from './content.ts';
import { scoreEase } from './ease.ts';
import { scoreItemKnn } from './item-knn.ts';
import type { HybridModel } from './model.ts';
import { relatedVector, scoreRelated } from './related.ts';
import { SOURCES, type Source, type UserEvidence } from './types.ts';
import { findNeighbours, type Neighbours, scoreUserKnn } from './user-knn.ts';

/** Chosen on simulation seeds 7/8/9 (docs/weekly-picks.md), never on the seeds reported. */
export const DEFAULT_DISLIKE_WEIGHT = 2;

/**
 * Weight of a weekly pick sent earlier that drew no reaction, as negative evidence (callers opt in through
 * {@link ScoreOptions.ignoredWeight}). Chosen on simulation seeds 7/8/9 like the dislike weight.
 */
export const DEFAULT_IGNORED_WEIGHT = 0.25;

/** How much a past interaction counts in the implicit (neighbour) models. */
export function implicitWeight(stars: number): number {
  if (Number.isNaN(stars)) return 1;
  return stars >= 2 ? 1 : 0.5;
}

/** An implicit user vector: item indices and their weights. */
export interface ImplicitVector {
  readonly items: Int32Array;
  readonly weights: Float32Array;
}

/**
 * The user vector for the neighbour models: positive weights for what the user rated, watched or 👍'd, and
 * −dislikeWeight for each disliked film not also among them.
 */
export function implicitVector(
  user: UserEvidence,
  dislikeWeight: number = DEFAULT_DISLIKE_WEIGHT,
  ignoredWeight = 0,
): ImplicitVector {
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

/** What a scorer sees for one user; `neighbours` is filled by user-kNN for the reasons. */
interface ScoringContext {
  readonly model: HybridModel;
  readonly user: UserEvidence;
  readonly vector: ImplicitVector;
  neighbours: Neighbours | null;
}

export interface Scorer {
  /** Whether this model was built (a scorer that is not available yields no scores). */
  readonly available: (model: HybridModel) => boolean;
  /** Fills `out` (zeroed, one slot per film) with this source's raw scores. */
  readonly score: (ctx: ScoringContext, out: Float32Array) => void;
  /**
   * Films this source does not cover take the z-score of `source` instead (or 0 when that source was not scored).
   * `covers(model, i)` says whether film i is covered.
   */
  readonly fallback?: { readonly source: Source; readonly covers: (model: HybridModel, item: number) => boolean };
}

export const SCORERS: Readonly<Record<Source, Scorer>> = {
  popularity: {
    available: () => true,
    score: (ctx, out) => out.set(ctx.model.popularity.prior),
  },
  content: {
    available: (m) => m.content !== null,
    score: ({ model, user }, out) =>
      scoreContent(model.content!, contentProfile(model.content!, user.items, user.ratings, user.disliked), out),
  },
  item_knn: {
    available: (m) => m.itemKnn !== null,
    score: ({ model, vector }, out) => scoreItemKnn(model.itemKnn!, vector.items, vector.weights, out),
  },
  ease: {
    available: (m) => m.ease !== null,
    score: ({ model, vector }, out) => scoreEase(model.ease!, vector.items, vector.weights, out),
    fallback: { source: 'item_knn', covers: (m, i) => m.ease !== null && m.ease.pos[i]! >= 0 },
  },
  related: {
    available: (m) => m.related !== null,
    score: ({ model, user }, out) => {
      const v = relatedVector(user);
      scoreRelated(model.related!, v.items, v.weights, out);
    },
  },
  user_knn: {
    available: () => true,
    score: (ctx, out) => {
      const { model, user } = ctx;
      ctx.neighbours = findNeighbours(
        model.byUser,
        model.byItem,
        user.items,
        model.userKnn,
        user.selfIndex ?? -1,
        user.circle,
      );
      scoreUserKnn(model.byUser, ctx.neighbours, out);
    },
  },
};

export interface SourceScores {
  readonly raw: Partial<Record<Source, Float32Array>>;
  readonly neighbours: Neighbours | null;
  /** The implicit user vector the neighbour models scored (the reasons decompose scores over it). */
  readonly vector: ImplicitVector;
}

/** Raw per-source scores for every film, for the sources asked that the model can score. */
export function scoreSources(
  model: HybridModel,
  user: UserEvidence,
  sources: readonly Source[] = SOURCES,
  dislikeWeight: number = DEFAULT_DISLIKE_WEIGHT,
  ignoredWeight = 0,
): SourceScores {
  const ctx: ScoringContext = {
    model,
    user,
    vector: implicitVector(user, dislikeWeight, ignoredWeight),
    neighbours: null,
  };
  const raw: Partial<Record<Source, Float32Array>> = {};
  for (const s of sources) {
    const scorer = SCORERS[s];
    if (!scorer.available(model)) continue;
    const out = new Float32Array(model.items.length);
    scorer.score(ctx, out);
    raw[s] = out;
  }
  return { raw, neighbours: ctx.neighbours, vector: ctx.vector };
}
