// Diversity re-ranking: maximal marginal relevance with content cosine as the similarity (item-kNN when the
// catalogue has no metadata).
import { contentSimilarity } from './content.ts';
import { itemKnnSimilarity } from './item-knn.ts';
import type { HybridModel } from './model.ts';

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

/** The MMR candidate pool for a list of `count`: five times as many, at least 50. */
export function mmrPoolSize(count: number): number {
  return Math.max(count * 5, 50);
}
