// A list for a group (movie night): each member's blend is z-normalised and averaged with a least-misery term.
import { blendScores, zNormalise } from './blend.ts';
import { passesFilters } from './filters.ts';
import type { HybridModel } from './model.ts';
import type { RecommendOptions } from './recommend.ts';
import { topK } from './topk.ts';
import { type ScoredItem, SOURCES, type Source, type UserEvidence } from './types.ts';

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
    reason: { kind: 'group_fit', members: members.length },
  }));
}
