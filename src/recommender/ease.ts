// EASE (Steck 2019): B = I − P·diag(1/diag(P)), P = (XᵀX + λI)⁻¹, diag(B) = 0, on binary interactions.
// The closed form needs an m×m inverse, so it is restricted to the m most-rated films; the hybrid falls back to
// item-kNN for the tail.
import { invertSpdFilled } from './linalg.ts';
import type { Csr } from './types.ts';

export interface EaseOptions {
  readonly lambda: number;
  /** At most this many films (the most rated) take part. */
  readonly maxItems: number;
  /** Films with fewer interactions are left to item-kNN. */
  readonly minCount: number;
  /**
   * Weight of the films' content features stacked under the users (side information, `EaseSideInfo`); 0 or absent:
   * plain EASE. Used only when the build is given the feature vectors.
   */
  readonly sideWeight?: number;
}
/**
 * maxItems 4,000 and sideWeight 30 (the films' content features as side information, `buildEase`): both chosen on a
 * validation split of protocol (a)'s training data (`npm run eval:ease-cap -- --on validation`: caps 2,000 / 3,000 /
 * 4,000 / all, then side weights 0 / 10 / 30 / 100), within the 5M-rating limits of `npm run bench:recommend`
 * (docs/benchmarks.md, "EASE's cap").
 */
export const DEFAULT_EASE: EaseOptions = { lambda: 200, maxItems: 4000, minCount: 3, sideWeight: 30 };

export interface EaseModel {
  /** Subset position → item index. */
  readonly items: Int32Array;
  /** Item index → subset position, or −1 for films outside the subset. */
  readonly pos: Int32Array;
  readonly m: number;
  /** m×m row-major weights: score(j) = Σ_i x_i · B[i][j]. */
  readonly b: Float32Array;
}

/**
 * Item features as side information (cEASEr, Jeunen, Van Balen & Goethals, RecSys 2020): the feature rows are stacked
 * under the users with weight `sideWeight`, so the Gram matrix gains sideWeight · FᵀF — with L2-normalised content
 * vectors, sideWeight × the content cosine of every two films. Films that share features then explain each other
 * even when few people rated both. `features` is items × features (content.ts vectors).
 */
export function buildEase(
  byUser: Csr,
  counts: Int32Array,
  opts: EaseOptions = DEFAULT_EASE,
  features?: Csr | null,
): EaseModel | null {
  const n = counts.length;
  const order = Array.from({ length: n }, (_, i) => i).filter((i) => counts[i]! >= opts.minCount);
  order.sort((a, b) => counts[b]! - counts[a]! || a - b);
  const chosen = order.slice(0, opts.maxItems).sort((a, b) => a - b);
  const m = chosen.length;
  if (m < 2) return null;
  const pos = new Int32Array(n).fill(-1);
  for (let p = 0; p < m; p++) pos[chosen[p]!] = p;
  // The Gram matrix is written straight into the inverse kernel's memory (no copy of it is held meanwhile).
  const inv = invertSpdFilled(m, (g) => {
    const rowPos = new Int32Array(byUser.nCols);
    for (let u = 0; u < byUser.nRows; u++) {
      let c = 0;
      for (let k = byUser.ptr[u]!; k < byUser.ptr[u + 1]!; k++) {
        const p = pos[byUser.cols[k]!]!;
        if (p >= 0) rowPos[c++] = p;
      }
      // Columns are sorted, so positions are ascending: fill the lower triangle only.
      for (let x = 0; x < c; x++) {
        const rx = rowPos[x]! * m;
        for (let y = 0; y <= x; y++) g[rx + rowPos[y]!]! += 1;
      }
    }
    if (features && (opts.sideWeight ?? 0) > 0) addSideGram(g, m, chosen, features, opts.sideWeight ?? 0);
    for (let p = 0; p < m; p++) g[p * m + p]! += opts.lambda;
  });
  const b = new Float32Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) b[i * m + j] = i === j ? 0 : -inv[i * m + j]! / inv[j * m + j]!;
  }
  return { items: Int32Array.from(chosen), pos, m, b };
}

/** Adds weight · FᵀF over the chosen films to the lower triangle of `g` (positions ascending within each feature). */
function addSideGram(g: Float64Array, m: number, chosen: readonly number[], v: Csr, weight: number): void {
  const byFeature = new Map<number, { pos: number[]; val: number[] }>();
  for (let p = 0; p < m; p++) {
    const it = chosen[p]!;
    if (it >= v.nRows) continue;
    for (let k = v.ptr[it]!; k < v.ptr[it + 1]!; k++) {
      let f = byFeature.get(v.cols[k]!);
      if (!f) {
        f = { pos: [], val: [] };
        byFeature.set(v.cols[k]!, f);
      }
      f.pos.push(p);
      f.val.push(v.vals[k]!);
    }
  }
  for (const { pos, val } of byFeature.values()) {
    for (let x = 0; x < pos.length; x++) {
      const rx = pos[x]! * m;
      const wx = weight * val[x]!;
      for (let y = 0; y <= x; y++) g[rx + pos[y]!]! += wx * val[y]!;
    }
  }
}

/** Adds the EASE score of every subset film into `out` (films outside the subset are left untouched). */
export function scoreEase(model: EaseModel, items: Int32Array, weights: Float32Array, out: Float32Array): void {
  const acc = new Float64Array(model.m);
  let any = false;
  for (let t = 0; t < items.length; t++) {
    const p = model.pos[items[t]!]!;
    if (p < 0) continue;
    any = true;
    const w = weights[t]!;
    const row = model.b.subarray(p * model.m, (p + 1) * model.m);
    for (let j = 0; j < model.m; j++) acc[j]! += w * row[j]!;
  }
  if (!any) return;
  for (let j = 0; j < model.m; j++) out[model.items[j]!]! += acc[j]!;
}

export function easeWeight(model: EaseModel, from: number, to: number): number {
  const a = model.pos[from]!;
  const b = model.pos[to]!;
  return a < 0 || b < 0 ? 0 : model.b[a * model.m + b]!;
}
