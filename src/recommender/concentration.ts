// How concentrated a community's lists are: the share of users whose list holds the most-shown film, the Gini
// coefficient of exposure over the catalogue, and the mean Jaccard overlap between two users' lists. Pure.

export interface Concentration {
  /** Users with a list. */
  readonly users: number;
  /** Share of users whose list contains the film shown most often. */
  readonly topFilmShare: number;
  /** Gini coefficient of how often each catalogue film is shown (0 = even, → 1 = a few films take everything). */
  readonly gini: number;
  /** Mean Jaccard overlap |A ∩ B| / |A ∪ B| over all pairs of users' lists. */
  readonly meanJaccard: number;
}

/** `lists` are item indices (each list without duplicates), `nItems` the catalogue size. */
export function concentration(lists: readonly ArrayLike<number>[], nItems: number): Concentration {
  const exposure = new Float64Array(nItems);
  for (const l of lists) for (let t = 0; t < l.length; t++) exposure[l[t]!]! += 1;
  let top = 0;
  for (let i = 1; i < nItems; i++) if (exposure[i]! > exposure[top]!) top = i;
  const users = lists.length;
  const topFilmShare = users > 0 ? exposure[top]! / users : 0;
  return { users, topFilmShare, gini: gini(exposure), meanJaccard: meanJaccard(lists, nItems) };
}

/** Gini coefficient of non-negative values (0 when all are equal or all zero). */
export function gini(values: ArrayLike<number>): number {
  const v = Float64Array.from(values).sort();
  const n = v.length;
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    sum += v[i]!;
    weighted += (i + 1) * v[i]!;
  }
  return n === 0 || sum === 0 ? 0 : (2 * weighted) / (n * sum) - (n + 1) / n;
}

/** Mean pairwise Jaccard overlap, counted through an inverted index (cheap for short lists). */
function meanJaccard(lists: readonly ArrayLike<number>[], nItems: number): number {
  const n = lists.length;
  if (n < 2) return 0;
  const holders: number[][] = Array.from({ length: nItems }, () => []);
  lists.forEach((l, u) => {
    for (let t = 0; t < l.length; t++) holders[l[t]!]!.push(u);
  });
  let total = 0;
  const shared = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    const l = lists[u]!;
    const touched: number[] = [];
    for (let t = 0; t < l.length; t++) {
      for (const v of holders[l[t]!]!) {
        if (v <= u) continue;
        if (shared[v] === 0) touched.push(v);
        shared[v]!++;
      }
    }
    for (const v of touched) {
      const inter = shared[v]!;
      total += inter / (l.length + lists[v]!.length - inter);
      shared[v] = 0;
    }
  }
  return total / ((n * (n - 1)) / 2);
}
