// One user's list: blend, filter, re-rank for variety (MMR), and a reason (as data) for each pick.
import { type BlendOptions, blendScores } from './blend.ts';
import { passesFilters } from './filters.ts';
import { mmr, mmrPoolSize } from './mmr.ts';
import type { HybridModel } from './model.ts';
import { reasonsFor } from './reasons.ts';
import { topK } from './topk.ts';
import { type Filters, type ScoredItem, SOURCES, type Source, type UserEvidence } from './types.ts';

export interface RecommendOptions extends BlendOptions {
  readonly count: number;
  readonly filters?: Filters;
  /** MMR trade-off: 1 ranks by relevance only, lower values favour variety. */
  readonly diversity?: number;
  /** Skip building reasons (offline evaluation does not need them). */
  readonly withReasons?: boolean;
}

/** The top `count` films for one user, best first, with per-source scores and a reason each. */
export function recommend(model: HybridModel, user: UserEvidence, opts: RecommendOptions): ScoredItem[] {
  const blend = blendScores(model, user, opts);
  const f = opts.filters;
  const skip = (i: number) =>
    blend.excluded[i] === 1 || !Number.isFinite(blend.scores[i]!) || !passesFilters(model.items[i]!, f);
  const diversity = opts.diversity ?? 1;
  const poolSize = diversity < 1 ? mmrPoolSize(opts.count) : opts.count;
  const pool = topK(blend.scores, poolSize, skip);
  const chosen = mmr(model, pool, blend.scores, opts.count, diversity);
  const reason = opts.withReasons === false ? null : reasonsFor(model, user, blend);
  return Array.from(chosen, (item) => {
    const sources = {} as Record<Source, number>;
    for (const s of SOURCES) sources[s] = blend.normalised[s]?.[item] ?? 0;
    return { item, score: blend.scores[item]!, sources, reason: reason ? reason(item) : null };
  });
}

/** Top-k item indices only (offline evaluation). */
export function rankItems(model: HybridModel, user: UserEvidence, opts: RecommendOptions): Int32Array {
  const blend = blendScores(model, user, opts);
  return topK(blend.scores, opts.count, (i) => blend.excluded[i] === 1 || !Number.isFinite(blend.scores[i]!));
}
