// TMDB's own lists as a source: each film's "recommendations" and "similar" lists (ItemMeta.related, TMDB ids in
// TMDB's order) become item → item edges weighted by position, and a user's score for a film is the sum of the edges
// into it from the films they liked (minus those from films they disliked). It needs no ratings from anyone here, so
// it carries people with a handful of ratings (the cold start) and films nobody in the community has rated.
import { csrFromTriplets } from './csr.ts';
import type { Csr, ItemMeta, UserEvidence } from './types.ts';

/** items × items: row j holds the films TMDB lists for j, valued by position (1 for the first, falling slowly). */
export type RelatedModel = Csr;

/**
 * TMDB's two lists for a film as one: alternating (recommendations first), each film at its first appearance. One
 * home for the merge: the catalogue stores what this returns and offline evaluation builds the same.
 */
export function mergeRelated(recommendations: readonly number[], similar: readonly number[]): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  for (let k = 0; k < Math.max(recommendations.length, similar.length); k++) {
    for (const id of [recommendations[k], similar[k]]) {
      if (id === undefined || seen.has(id)) continue;
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}

/** An edge's weight at 0-based position `rank` in a film's list. */
export function relatedRankWeight(rank: number): number {
  return 1 / Math.sqrt(1 + rank);
}

/** Builds the edges; films TMDB lists that are not in the model's catalogue are dropped. Null when no film has any. */
export function buildRelated(items: readonly ItemMeta[], itemIndex: ReadonlyMap<number, number>): RelatedModel | null {
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  for (let j = 0; j < items.length; j++) {
    const related = items[j]!.related;
    if (!related) continue;
    let rank = 0;
    for (const id of related) {
      const i = itemIndex.get(id);
      if (i === undefined || i === j) continue;
      rows.push(j);
      cols.push(i);
      vals.push(relatedRankWeight(rank++));
    }
  }
  if (rows.length === 0) return null;
  return csrFromTriplets(
    items.length,
    items.length,
    Int32Array.from(rows),
    Int32Array.from(cols),
    Float32Array.from(vals),
  );
}

/**
 * How much a film of the history speaks for what TMDB lists next to it: fully at 4.5★ and up, nothing at 2.5★,
 * against it below (a watched film without stars counts as liked); a 👎 or "not interested" counts −1.
 */
export function relatedUserWeight(stars: number): number {
  if (Number.isNaN(stars)) return 1;
  return Math.max(-0.5, Math.min(1, (stars - 2.5) / 2));
}

/** The user's films and their weights for this source (disliked films not also rated count −1). */
export function relatedVector(user: UserEvidence): { items: Int32Array; weights: Float32Array } {
  const own = new Set(user.items);
  const neg = user.disliked ? [...new Set(user.disliked)].filter((j) => j >= 0 && !own.has(j)) : [];
  const items = new Int32Array(user.items.length + neg.length);
  const weights = new Float32Array(items.length);
  items.set(user.items);
  for (let t = 0; t < user.items.length; t++) weights[t] = relatedUserWeight(user.ratings[t]!);
  neg.forEach((j, k) => {
    items[user.items.length + k] = j;
    weights[user.items.length + k] = -1;
  });
  return { items, weights };
}

/** Adds Σ_j w_j · edge(j → i) into `out`. */
export function scoreRelated(model: RelatedModel, items: Int32Array, weights: Float32Array, out: Float32Array): void {
  for (let t = 0; t < items.length; t++) {
    const j = items[t]!;
    const w = weights[t]!;
    if (w === 0) continue;
    for (let k = model.ptr[j]!; k < model.ptr[j + 1]!; k++) out[model.cols[k]!]! += w * model.vals[k]!;
  }
}

/** edge(a → b): b's weight in a's list, 0 when TMDB does not list it. */
export function relatedEdge(model: RelatedModel, a: number, b: number): number {
  for (let k = model.ptr[a]!; k < model.ptr[a + 1]!; k++) if (model.cols[k] === b) return model.vals[k]!;
  return 0;
}
