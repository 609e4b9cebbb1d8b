// User-based kNN: neighbours are the k users with the highest shrunk cosine over co-rated films (binary), and a
// film scores the sum of the similarities of the neighbours who rated it. Computed at query time from the item
// columns, so a user who joined after the build gets neighbours too.
import { topKPositive } from './topk.ts';
import type { Csr } from './types.ts';

export interface UserKnnOptions {
  readonly k: number;
  readonly shrink: number;
  /**
   * Multiplier on the similarity of a neighbour who is a member of the user's server (see
   * {@link UserEvidence.circle}); 1 treats everyone alike. Applied before the k nearest are chosen, so it both
   * brings server members into the neighbourhood and weighs their films more. Measured with
   * `npm run eval -- --protocols s` (docs/benchmarks.md, "Server neighbours").
   */
  readonly serverWeight?: number;
  /**
   * About the most raters of one film the neighbour search reads; omitted: all. A film with more raters than this is
   * read in a window of user indices (see findNeighbours), and the best `k × RESCORE_FACTOR` candidates found are scored
   * exactly from their own rows, so the similarities used (and named in reasons) are always the true ones; only the
   * search is approximate. Without it the search reads every co-rater of every film the user has, which grows with
   * the server: ~94,000 rater entries per member at 100,000 members. Measured with `npm run eval:user-knn-cap`.
   */
  readonly maxRatersPerFilm?: number;
  /**
   * The bound applies only when the user's films have more raters than this in total (omitted: always). Below it,
   * reading every rater is cheap and exact; a bounded search also re-scores its shortlist, which made it slower than
   * the full one for most users at 5M ratings over 20k films (`npm run eval:user-knn-cap`).
   */
  readonly boundAbove?: number;
}
/**
 * The one home of user-kNN's tuning: neighbourhood size, shrinkage, the weight of server neighbours and the search
 * bound (docs/benchmarks.md, "User-kNN search bound").
 */
export const DEFAULT_USER_KNN: UserKnnOptions = {
  k: 50,
  shrink: 5,
  serverWeight: 2,
  maxRatersPerFilm: 1000,
  boundAbove: 50_000,
};

/** How many approximate candidates per neighbour wanted are re-scored exactly when the search was bounded. */
export const RESCORE_FACTOR = 4;

export interface Neighbours {
  readonly users: Int32Array;
  readonly sims: Float32Array;
}

export function findNeighbours(
  byUser: Csr,
  byItem: Csr,
  items: Int32Array,
  opts: UserKnnOptions = DEFAULT_USER_KNN,
  selfIndex = -1,
  circle?: Uint8Array,
): Neighbours {
  const boost = circle ? (opts.serverWeight ?? 1) : 1;
  // Integer overlap counts and a typed touched list: a heavy user's films reach most users at 5M ratings. Both are
  // kept between calls (zeroed again through the touched list): fresh arrays per call were 1.2 MB at 100k users,
  // and that churn of external memory kept the garbage collector busy under a stream of requests.
  const { overlap, touched, twice, score } = scratchFor(byUser.nRows);
  const cap = boundFor(byItem, items, opts);
  const nUsers = byUser.nRows;
  // A film with more raters than the bound is read in a window of user indices, the same window start for every film
  // (a width that holds about `cap` of its raters): the users near the start are seen through all the user's films,
  // so their overlaps are whole, not a scattering of partial counts. The start depends on the user, so each user
  // searches a different part of the server.
  const origin = windowOrigin(items, selfIndex, nUsers);
  let nt = 0;
  let n2 = 0;
  let sampled = false;
  const count = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const v = byItem.cols[k]!;
      const c = overlap[v]!;
      if (c === 0) touched[nt++] = v;
      else if (c === 1) twice[n2++] = v;
      overlap[v] = c + 1;
    }
  };
  for (let t = 0; t < items.length; t++) {
    const j = items[t]!;
    if (j < 0 || j >= byItem.nRows) continue;
    const start = byItem.ptr[j]!;
    const end = byItem.ptr[j + 1]!;
    if (end - start <= cap) {
      count(start, end);
      continue;
    }
    sampled = true;
    // Rows of byItem are sorted by user index: the window is one or two ranges of each row.
    const width = Math.ceil((nUsers * cap) / (end - start));
    const stop = origin + width;
    if (stop <= nUsers) count(lowerBound(byItem.cols, start, end, origin), lowerBound(byItem.cols, start, end, stop));
    else {
      count(lowerBound(byItem.cols, start, end, origin), end);
      count(start, lowerBound(byItem.cols, start, end, stop - nUsers));
    }
  }
  const nu = items.length;
  const similarity = (v: number, ov: number) => {
    const nv = byUser.ptr[v + 1]! - byUser.ptr[v]!;
    const s = v === selfIndex ? 0 : (ov / Math.sqrt(nu * nv)) * (ov / (ov + opts.shrink));
    return boost !== 1 && circle![v] === 1 ? s * boost : s;
  };
  const wanted = sampled ? opts.k * RESCORE_FACTOR : opts.k;
  // Most candidates share a single film with the user. When enough share two or more, the best of those is found
  // first; a one-film candidate could only beat the worst of them with a very short row (its similarity is at most
  // boost / (√(nu·nv) · (1 + shrink))), so when no row is that short they are skipped: the same result, without
  // scoring and ranking the long tail of one-film candidates.
  let cand = touched.subarray(0, nt);
  let sim = score.subarray(0, nt);
  let best: Int32Array | null = null;
  if (n2 >= wanted && wanted > 0) {
    const cand2 = twice.subarray(0, n2);
    const sim2 = score.subarray(0, n2);
    for (let t = 0; t < n2; t++) sim2[t] = similarity(cand2[t]!, overlap[cand2[t]!]!);
    const top = topKPositive(sim2, wanted, cand2);
    const worst = top.length === wanted ? sim2[top[wanted - 1]!]! : 0;
    const oneFilmBest = boost / (Math.sqrt(nu * shortestRow(byUser)) * (1 + opts.shrink));
    if (Math.fround(oneFilmBest) < worst) {
      cand = cand2;
      sim = sim2;
      best = top;
    }
  }
  if (best === null) for (let t = 0; t < nt; t++) sim[t] = similarity(cand[t]!, overlap[cand[t]!]!);
  for (let t = 0; t < nt; t++) overlap[touched[t]!] = 0;
  if (!sampled) return pick(best ?? topKPositive(sim, opts.k, cand), cand, sim);
  // Bounded search: the best candidates by their sampled overlap, then each one's true overlap from its own row.
  const shortlist = best ?? topKPositive(sim, wanted, cand);
  const mine = markFor(byItem.nRows);
  for (let t = 0; t < items.length; t++) if (items[t]! >= 0 && items[t]! < mine.length) mine[items[t]!] = 1;
  const ids = new Int32Array(shortlist.length);
  const exact = new Float32Array(shortlist.length);
  for (let t = 0; t < shortlist.length; t++) {
    const v = cand[shortlist[t]!]!;
    let ov = 0;
    for (let k = byUser.ptr[v]!; k < byUser.ptr[v + 1]!; k++) ov += mine[byUser.cols[k]!]!;
    ids[t] = v;
    exact[t] = similarity(v, ov);
  }
  for (let t = 0; t < items.length; t++) if (items[t]! >= 0 && items[t]! < mine.length) mine[items[t]!] = 0;
  return pick(topKPositive(exact, opts.k, ids), ids, exact);
}

/** The raters read per film: `maxRatersPerFilm`, unless the user's films have at most `boundAbove` in all. */
function boundFor(byItem: Csr, items: Int32Array, opts: UserKnnOptions): number {
  const cap = opts.maxRatersPerFilm ?? Number.POSITIVE_INFINITY;
  if (cap === Number.POSITIVE_INFINITY || opts.boundAbove === undefined) return cap;
  let total = 0;
  for (let t = 0; t < items.length; t++) {
    const j = items[t]!;
    if (j >= 0 && j < byItem.nRows) total += byItem.ptr[j + 1]! - byItem.ptr[j]!;
  }
  return total > opts.boundAbove ? cap : Number.POSITIVE_INFINITY;
}

/** Where a bounded search's window of user indices starts: a hash of the user (their row, else their films). */
function windowOrigin(items: Int32Array, selfIndex: number, nUsers: number): number {
  let h = selfIndex >= 0 ? selfIndex + 1 : items.length;
  if (selfIndex < 0) for (let t = 0; t < items.length; t++) h = Math.imul(h ^ items[t]!, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) % Math.max(nUsers, 1);
}

/** The first position in `cols[from, to)` (sorted ascending) holding a value ≥ `value`. */
function lowerBound(cols: Int32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cols[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The neighbours at `best` (positions into `ids` / `sims`), in that order. */
function pick(best: Int32Array, ids: Int32Array, sims: Float32Array): Neighbours {
  const users = new Int32Array(best.length);
  const out = new Float32Array(best.length);
  for (let t = 0; t < best.length; t++) {
    users[t] = ids[best[t]!]!;
    out[t] = sims[best[t]!]!;
  }
  return { users, sims: out };
}

interface Scratch {
  readonly overlap: Int32Array;
  readonly touched: Int32Array;
  /** Candidates whose overlap reached 2, in that order. */
  readonly twice: Int32Array;
  readonly score: Float32Array;
}
let scratch: Scratch | null = null;
let marks: Uint8Array | null = null;

/** This thread's overlap counts (all zero between calls), touched list and scores, grown to `n` users when needed. */
function scratchFor(n: number): Scratch {
  if (!scratch || scratch.overlap.length < n) {
    scratch = {
      overlap: new Int32Array(n),
      touched: new Int32Array(n),
      twice: new Int32Array(n),
      score: new Float32Array(n),
    };
  }
  return scratch;
}

const shortest = new WeakMap<Csr, number>();

/** The length of the shortest non-empty row (1 when there is none), computed once per matrix. */
function shortestRow(byUser: Csr): number {
  let n = shortest.get(byUser);
  if (n === undefined) {
    n = Number.POSITIVE_INFINITY;
    for (let v = 0; v < byUser.nRows; v++) {
      const len = byUser.ptr[v + 1]! - byUser.ptr[v]!;
      if (len > 0 && len < n) n = len;
    }
    if (!Number.isFinite(n)) n = 1;
    shortest.set(byUser, n);
  }
  return n;
}

/** This thread's per-film marks (all zero between calls), grown to `n` films when needed. */
function markFor(n: number): Uint8Array {
  if (!marks || marks.length < n) marks = new Uint8Array(n);
  return marks;
}

export function scoreUserKnn(byUser: Csr, nb: Neighbours, out: Float32Array): void {
  for (let t = 0; t < nb.users.length; t++) {
    const v = nb.users[t]!;
    const s = nb.sims[t]!;
    for (let k = byUser.ptr[v]!; k < byUser.ptr[v + 1]!; k++) out[byUser.cols[k]!]! += s;
  }
}

/** Where user `v` has `item` in `byUser` (its rows are sorted by item), or -1. */
function findInRow(byUser: Csr, v: number, item: number): number {
  let lo = byUser.ptr[v]!;
  let hi = byUser.ptr[v + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = byUser.cols[mid]!;
    if (c === item) return mid;
    if (c < item) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** One neighbour who has `item`: their position in the neighbourhood, similarity and stars (NaN when none). */
export interface NeighbourRating {
  readonly user: number;
  readonly sim: number;
  readonly stars: number;
}

/** The neighbours who have `item`, in neighbourhood order; with `circle`, only those in it (1 = member). */
export function neighbourRatings(byUser: Csr, nb: Neighbours, item: number, circle?: Uint8Array): NeighbourRating[] {
  const out: NeighbourRating[] = [];
  for (let t = 0; t < nb.users.length; t++) {
    const v = nb.users[t]!;
    if (circle && circle[v] !== 1) continue;
    const at = findInRow(byUser, v, item);
    if (at >= 0) out.push({ user: v, sim: nb.sims[t]!, stars: byUser.vals[at]! });
  }
  return out;
}

/** Mean of the stars given (NaN when none gave stars). */
export function meanStarsOf(ratings: readonly NeighbourRating[]): number {
  let sum = 0;
  let starred = 0;
  for (const r of ratings) {
    if (Number.isNaN(r.stars)) continue;
    sum += r.stars;
    starred++;
  }
  return starred > 0 ? sum / starred : Number.NaN;
}

/** How many neighbours rated `item`, and their mean stars (NaN when none gave stars). */
export function neighbourEvidence(byUser: Csr, nb: Neighbours, item: number): { count: number; meanStars: number } {
  const rated = neighbourRatings(byUser, nb, item);
  return { count: rated.length, meanStars: meanStarsOf(rated) };
}
