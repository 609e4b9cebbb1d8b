// Content model: TF-IDF-like weighted features per film, L2-normalised; a user profile is the sum of the film
// vectors weighted by how the user rated them relative to their own mean (plus a small presence term), and feedback.
import { csrFromTriplets } from './csr.ts';
import type { Csr, ItemMeta } from './types.ts';

export interface ContentWeights {
  readonly genre: number;
  readonly keyword: number;
  readonly cast: number;
  readonly director: number;
  readonly language: number;
  readonly decade: number;
  readonly collection: number;
}

export const DEFAULT_CONTENT_WEIGHTS: ContentWeights = {
  genre: 1,
  keyword: 0.8,
  cast: 0.6,
  director: 1.2,
  language: 0.4,
  decade: 0.5,
  collection: 1.5,
};

export interface ContentModel {
  /** items × features, rows L2-normalised. */
  readonly vectors: Csr;
  readonly featureNames: readonly string[];
}

const TOP_CAST = 5;

export function itemFeatures(m: ItemMeta): { name: string; type: keyof ContentWeights }[] {
  const out: { name: string; type: keyof ContentWeights }[] = [];
  for (const g of m.genres) out.push({ name: `g:${g.toLowerCase()}`, type: 'genre' });
  for (const k of m.keywords) out.push({ name: `k:${k.toLowerCase()}`, type: 'keyword' });
  for (const c of m.cast.slice(0, TOP_CAST)) out.push({ name: `c:${c}`, type: 'cast' });
  for (const d of m.directors) out.push({ name: `d:${d}`, type: 'director' });
  if (m.language) out.push({ name: `l:${m.language}`, type: 'language' });
  if (m.year !== null) out.push({ name: `y:${Math.floor(m.year / 10) * 10}`, type: 'decade' });
  if (m.collection) out.push({ name: `s:${m.collection}`, type: 'collection' });
  return out;
}

export function buildContent(
  items: readonly ItemMeta[],
  weights: ContentWeights = DEFAULT_CONTENT_WEIGHTS,
): ContentModel {
  const index = new Map<string, number>();
  const names: string[] = [];
  const rows: number[] = [];
  const cols: number[] = [];
  const typeWeight: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const seen = new Set<number>();
    for (const f of itemFeatures(items[i]!)) {
      let id = index.get(f.name);
      if (id === undefined) {
        id = names.length;
        index.set(f.name, id);
        names.push(f.name);
      }
      if (seen.has(id)) continue;
      seen.add(id);
      rows.push(i);
      cols.push(id);
      typeWeight.push(weights[f.type]);
    }
  }
  const df = new Int32Array(names.length);
  for (const c of cols) df[c]!++;
  const n = items.length;
  const vals = new Float32Array(cols.length);
  for (let k = 0; k < cols.length; k++) vals[k] = typeWeight[k]! * Math.log(1 + n / df[cols[k]!]!);
  const m = csrFromTriplets(n, names.length, Int32Array.from(rows), Int32Array.from(cols), vals);
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let k = m.ptr[r]!; k < m.ptr[r + 1]!; k++) s += m.vals[k]! * m.vals[k]!;
    const norm = Math.sqrt(s);
    if (norm > 0) for (let k = m.ptr[r]!; k < m.ptr[r + 1]!; k++) m.vals[k]! /= norm;
  }
  return { vectors: m, featureNames: names };
}

/** Presence term: even a film rated at one's mean says "I watch this kind of film". */
const PRESENCE = 0.3;

/**
 * How much each of the user's films counts in their content profile: stars centred on the user's mean plus a
 * presence term; unknown stars (watched only) count as slightly positive. Parallel to `items`.
 */
export function contentCoefficients(ratings: Float32Array): Float64Array {
  let sum = 0;
  let cnt = 0;
  for (let k = 0; k < ratings.length; k++) {
    const r = ratings[k]!;
    if (!Number.isNaN(r)) {
      sum += r;
      cnt++;
    }
  }
  const mean = cnt > 0 ? sum / cnt : 0;
  const out = new Float64Array(ratings.length);
  for (let k = 0; k < ratings.length; k++) {
    const r = ratings[k]!;
    out[k] = Number.isNaN(r) ? PRESENCE + 0.2 : PRESENCE + (r - mean);
  }
  return out;
}

/** Weight of a disliked film in the content profile. */
export const CONTENT_DISLIKE_COEFFICIENT = -1;

/**
 * Dense profile over features: Σ coefficient × film vector over the user's films ({@link contentCoefficients}),
 * disliked films counting against their features.
 */
export function contentProfile(
  model: ContentModel,
  items: Int32Array,
  ratings: Float32Array,
  disliked?: Int32Array,
): Float64Array {
  const p = new Float64Array(model.featureNames.length);
  const v = model.vectors;
  const add = (item: number, c: number) => {
    for (let k = v.ptr[item]!; k < v.ptr[item + 1]!; k++) p[v.cols[k]!]! += c * v.vals[k]!;
  };
  const coef = contentCoefficients(ratings);
  for (let k = 0; k < items.length; k++) add(items[k]!, coef[k]!);
  if (disliked) for (let k = 0; k < disliked.length; k++) add(disliked[k]!, CONTENT_DISLIKE_COEFFICIENT);
  return p;
}

export function scoreContent(model: ContentModel, profile: Float64Array, out: Float32Array): void {
  const v = model.vectors;
  for (let i = 0; i < v.nRows; i++) {
    let s = 0;
    for (let k = v.ptr[i]!; k < v.ptr[i + 1]!; k++) s += profile[v.cols[k]!]! * v.vals[k]!;
    out[i] = s;
  }
}

/** Cosine similarity of two films' feature vectors (both rows are unit length). */
export function contentSimilarity(model: ContentModel, a: number, b: number): number {
  const v = model.vectors;
  let i = v.ptr[a]!;
  let j = v.ptr[b]!;
  const ie = v.ptr[a + 1]!;
  const je = v.ptr[b + 1]!;
  let s = 0;
  while (i < ie && j < je) {
    const ci = v.cols[i]!;
    const cj = v.cols[j]!;
    if (ci === cj) s += v.vals[i++]! * v.vals[j++]!;
    else if (ci < cj) i++;
    else j++;
  }
  return s;
}
