// Which films to ask a newcomer about. The most popular films are the ones people have seen, but nearly everyone
// likes them, so an answer says little about a taste. A good question is a film many people have seen AND that
// people disagree on: √(raters) × the spread of their stars (shrunk towards the community's spread, so three
// ratings do not look divisive), then maximal marginal relevance so the questions cover different kinds of film.
// Films rated by fewer than `minRaters` people here follow, in popularity-prior order (a new server still has
// TMDB's votes).
import { mmr } from './mmr.ts';
import type { HybridModel } from './model.ts';

export interface OnboardingOptions {
  /** Films with fewer raters than this are not judged divisive (default 3). */
  readonly minRaters?: number;
  /** Pseudo-ratings at the community's spread added to each film's own (default 5). */
  readonly shrink?: number;
  /** How many films the variety re-ranking spreads (default 60). */
  readonly varietyPool?: number;
  /** MMR trade-off for that re-ranking: 1 keeps the divisiveness order (default 0.7). */
  readonly variety?: number;
  /** Order by the popularity prior alone (the old behaviour, kept for the evaluation). */
  readonly popularOnly?: boolean;
}

/** How much a film tells tastes apart, per film (0 for films with too few raters here). */
export function divisiveness(model: HybridModel, opts: OnboardingOptions = {}): Float32Array {
  const minRaters = opts.minRaters ?? 3;
  const shrink = opts.shrink ?? 5;
  const { byItem } = model;
  const n = byItem.nRows;
  let sum = 0;
  let sq = 0;
  let cnt = 0;
  for (let k = 0; k < byItem.vals.length; k++) {
    const v = byItem.vals[k]!;
    if (Number.isNaN(v)) continue;
    sum += v;
    sq += v * v;
    cnt++;
  }
  const gMean = cnt > 0 ? sum / cnt : 3.5;
  const gVar = cnt > 1 ? Math.max(sq / cnt - gMean * gMean, 0) : 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const raters = byItem.ptr[i + 1]! - byItem.ptr[i]!;
    if (raters < minRaters) continue;
    let s = 0;
    let s2 = 0;
    let c = 0;
    for (let k = byItem.ptr[i]!; k < byItem.ptr[i + 1]!; k++) {
      const v = byItem.vals[k]!;
      if (Number.isNaN(v)) continue;
      s += v;
      s2 += v * v;
      c++;
    }
    const ownSq = c > 0 ? s2 - (s * s) / c : 0; // Σ (v − mean)²
    const spread = Math.sqrt((ownSq + shrink * gVar) / (c + shrink));
    out[i] = Math.sqrt(raters) * spread;
  }
  return out;
}

/** Every film, best question first (see the file comment); ties by the model's item order. */
export function onboardingOrder(model: HybridModel, opts: OnboardingOptions = {}): Int32Array {
  const n = model.items.length;
  const prior = model.popularity.prior;
  const byPrior = (a: number, b: number) => prior[b]! - prior[a]! || a - b;
  if (opts.popularOnly) return Int32Array.from({ length: n }, (_, i) => i).sort(byPrior);
  const score = divisiveness(model, opts);
  const judged: number[] = [];
  const rest: number[] = [];
  for (let i = 0; i < n; i++) (score[i]! > 0 ? judged : rest).push(i);
  judged.sort((a, b) => score[b]! - score[a]! || a - b);
  rest.sort(byPrior);
  const poolSize = Math.min(opts.varietyPool ?? 60, judged.length);
  const spread = mmr(model, Int32Array.from(judged.slice(0, poolSize)), score, poolSize, opts.variety ?? 0.7);
  return Int32Array.from([...spread, ...judged.slice(poolSize), ...rest]);
}
