import type { Csr, ItemMeta } from './types.ts';

export interface PopularityModel {
  /** Number of users with an interaction per item. */
  readonly counts: Int32Array;
  /** Shrunk mean stars per item (Bayesian average towards the global mean). */
  readonly quality: Float32Array;
  /** The prior used by the hybrid: log-popularity plus a quality bonus, with TMDB votes for unrated items. */
  readonly prior: Float32Array;
  readonly globalMean: number;
}

export function buildPopularity(byItem: Csr, items: readonly ItemMeta[], shrink = 10): PopularityModel {
  const n = byItem.nRows;
  const counts = new Int32Array(n);
  let sum = 0;
  let cnt = 0;
  for (let k = 0; k < byItem.vals.length; k++) {
    const v = byItem.vals[k]!;
    if (!Number.isNaN(v)) {
      sum += v;
      cnt++;
    }
  }
  const globalMean = cnt > 0 ? sum / cnt : 3.5;
  const quality = new Float32Array(n);
  const prior = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    let c = 0;
    for (let k = byItem.ptr[i]!; k < byItem.ptr[i + 1]!; k++) {
      const v = byItem.vals[k]!;
      if (!Number.isNaN(v)) {
        s += v;
        c++;
      }
    }
    counts[i] = byItem.ptr[i + 1]! - byItem.ptr[i]!;
    quality[i] = (s + shrink * globalMean) / (c + shrink);
    const meta = items[i];
    const tmdb = meta && meta.voteCount > 0 ? 0.15 * Math.log1p(meta.voteCount) + 0.05 * (meta.voteAverage - 6.5) : 0;
    prior[i] = Math.log1p(counts[i]!) + 0.5 * (quality[i]! - globalMean) + tmdb;
  }
  return { counts, quality, prior, globalMean };
}
