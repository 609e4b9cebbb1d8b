// "More like this": films close to one seed film, from the item-item model over everyone's interactions (shrunk
// cosine item-kNN) and the content model (TMDB genres, keywords, cast, director, collection), each with its reason as
// data. Pure: the service supplies the model and what to skip.
import { contentSimilarity } from './content.ts';
import { itemKnnSimilarity } from './item-knn.ts';
import type { HybridModel } from './model.ts';
import { topK } from './topk.ts';

export type SimilarReason =
  /** People who rated the seed ≥ 4★ ("fans") rated this one too: how many, and their mean stars. */
  | { readonly kind: 'fans_rated'; readonly fans: number; readonly meanStars: number }
  /** Shares a director, a collection or a lead actor with the seed. */
  | { readonly kind: 'same_director' | 'same_collection' | 'same_cast'; readonly name: string }
  /** Shares at least two keywords with the seed. */
  | { readonly kind: 'shared_keywords'; readonly keywords: readonly string[] }
  /** Watched by the same people (no stars to quote): how many of the seed's viewers. */
  | { readonly kind: 'co_watched'; readonly people: number }
  /** Close in content without a single shared name (genres, mood). */
  | { readonly kind: 'similar_content'; readonly genres: readonly string[] };

export interface SimilarItem {
  readonly item: number;
  readonly score: number;
  /** The two parts of the score: co-watching (item-kNN) and content, each scaled to 0–1 over the candidates. */
  readonly parts: { readonly item: number; readonly content: number };
  readonly reason: SimilarReason;
}

export interface SimilarOptions {
  readonly count: number;
  /** Items never to return (the user's seen, rated and dismissed films). */
  readonly exclude?: ReadonlySet<number>;
  /** Weight of the co-watching part against content (0–1); default 0.6. */
  readonly itemWeight?: number;
  /** Stars at or above which a rater of the seed counts as a fan. */
  readonly fanStars?: number;
}

/** Fans' mean stars for every item: who rated the seed ≥ fanStars, and what they gave each other film. */
function fansOf(model: HybridModel, seed: number, fanStars: number): { count: Int32Array; sum: Float64Array } {
  const n = model.items.length;
  const count = new Int32Array(n);
  const sum = new Float64Array(n);
  const { byItem, byUser } = model;
  for (let k = byItem.ptr[seed]!; k < byItem.ptr[seed + 1]!; k++) {
    const stars = byItem.vals[k]!;
    if (Number.isNaN(stars) || stars < fanStars) continue;
    const u = byItem.cols[k]!;
    for (let t = byUser.ptr[u]!; t < byUser.ptr[u + 1]!; t++) {
      const v = byUser.vals[t]!;
      if (Number.isNaN(v)) continue;
      const j = byUser.cols[t]!;
      count[j]!++;
      sum[j]! += v;
    }
  }
  return { count, sum };
}

/** How many of the seed's raters or viewers also have each item. */
function coViewers(model: HybridModel, seed: number): Int32Array {
  const out = new Int32Array(model.items.length);
  const { byItem, byUser } = model;
  for (let k = byItem.ptr[seed]!; k < byItem.ptr[seed + 1]!; k++) {
    const u = byItem.cols[k]!;
    for (let t = byUser.ptr[u]!; t < byUser.ptr[u + 1]!; t++) out[byUser.cols[t]!]!++;
  }
  return out;
}

function metadataReason(model: HybridModel, seed: number, item: number): SimilarReason | null {
  const a = model.items[seed]!;
  const b = model.items[item]!;
  const director = b.directors.find((d) => a.directors.includes(d));
  if (director) return { kind: 'same_director', name: director };
  if (a.collection && a.collection === b.collection) return { kind: 'same_collection', name: a.collection };
  const actor = b.cast.slice(0, 3).find((c) => a.cast.slice(0, 5).includes(c));
  if (actor) return { kind: 'same_cast', name: actor };
  const keywords = b.keywords.filter((k) => a.keywords.includes(k));
  if (keywords.length >= 2) return { kind: 'shared_keywords', keywords: keywords.slice(0, 2) };
  return null;
}

/** The `count` films most like `seed`, best first; never the seed itself or an excluded film. */
export function similarItems(model: HybridModel, seed: number, opts: SimilarOptions): SimilarItem[] {
  const n = model.items.length;
  if (seed < 0 || seed >= n || opts.count <= 0) return [];
  const wItem = Math.min(Math.max(opts.itemWeight ?? 0.6, 0), 1);
  const knn = new Float32Array(n);
  if (model.itemKnn) {
    // Symmetric: a film may be in the seed's neighbour list, or the seed in its list (top-k lists are one-sided).
    for (let k = model.itemKnn.ptr[seed]!; k < model.itemKnn.ptr[seed + 1]!; k++)
      knn[model.itemKnn.nbr[k]!] = model.itemKnn.sim[k]!;
  }
  const content = new Float32Array(n);
  const useContent = model.content !== null && model.hasContent;
  let maxKnn = 0;
  let maxContent = 0;
  const skip = (i: number) => i === seed || (opts.exclude?.has(i) ?? false);
  for (let i = 0; i < n; i++) {
    if (skip(i)) continue;
    if (model.itemKnn && knn[i] === 0) knn[i] = itemKnnSimilarity(model.itemKnn, i, seed);
    if (useContent) content[i] = contentSimilarity(model.content!, seed, i);
    maxKnn = Math.max(maxKnn, knn[i]!);
    maxContent = Math.max(maxContent, content[i]!);
  }
  // With no co-watching signal at all (a film nobody here rated) the content model decides alone, and vice versa.
  const wi = maxKnn > 0 ? (maxContent > 0 ? wItem : 1) : 0;
  const wc = maxContent > 0 ? 1 - wi : 0;
  const scores = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    scores[i] = skip(i)
      ? Number.NEGATIVE_INFINITY
      : wi * (maxKnn > 0 ? knn[i]! / maxKnn : 0) + wc * (maxContent > 0 ? content[i]! / maxContent : 0);
  }
  const top = topK(scores, opts.count, (i) => skip(i) || !(scores[i]! > 0));
  const fans = fansOf(model, seed, opts.fanStars ?? 4);
  const viewers = coViewers(model, seed);
  return Array.from(top, (item) => {
    const partItem = maxKnn > 0 ? knn[item]! / maxKnn : 0;
    const partContent = maxContent > 0 ? content[item]! / maxContent : 0;
    const fanCount = fans.count[item]!;
    const fanReason: SimilarReason | null =
      fanCount >= 2 ? { kind: 'fans_rated', fans: fanCount, meanStars: fans.sum[item]! / fanCount } : null;
    const meta = metadataReason(model, seed, item);
    const itemLed = wi * partItem >= wc * partContent;
    let reason: SimilarReason;
    if (itemLed && fanReason) reason = fanReason;
    else if (meta) reason = meta;
    else if (fanReason) reason = fanReason;
    else if (viewers[item]! >= 2) reason = { kind: 'co_watched', people: viewers[item]! };
    else reason = { kind: 'similar_content', genres: model.items[item]!.genres.slice(0, 2) };
    return { item, score: scores[item]!, parts: { item: partItem, content: partContent }, reason };
  });
}
