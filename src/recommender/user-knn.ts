// User-based kNN: neighbours are the k users with the highest shrunk cosine over co-rated films (binary), and a
// film scores the sum of the similarities of the neighbours who rated it. Computed at query time from the item
// columns, so a user who joined after the build gets neighbours too.
import { topK } from './topk.ts';
import type { Csr } from './types.ts';

export interface UserKnnOptions {
  readonly k: number;
  readonly shrink: number;
}
export const DEFAULT_USER_KNN: UserKnnOptions = { k: 50, shrink: 5 };

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
): Neighbours {
  const overlap = new Float32Array(byUser.nRows);
  const touched: number[] = [];
  for (let t = 0; t < items.length; t++) {
    const j = items[t]!;
    if (j < 0 || j >= byItem.nRows) continue;
    for (let k = byItem.ptr[j]!; k < byItem.ptr[j + 1]!; k++) {
      const v = byItem.cols[k]!;
      if (overlap[v] === 0) touched.push(v);
      overlap[v]! += 1;
    }
  }
  const nu = items.length;
  for (const v of touched) {
    const ov = overlap[v]!;
    const nv = byUser.ptr[v + 1]! - byUser.ptr[v]!;
    overlap[v] = v === selfIndex ? 0 : (ov / Math.sqrt(nu * nv)) * (ov / (ov + opts.shrink));
  }
  const users = topK(overlap, opts.k, (v) => overlap[v]! <= 0, Int32Array.from(touched));
  const sims = new Float32Array(users.length);
  for (let t = 0; t < users.length; t++) sims[t] = overlap[users[t]!]!;
  return { users, sims };
}

export function scoreUserKnn(byUser: Csr, nb: Neighbours, out: Float32Array): void {
  for (let t = 0; t < nb.users.length; t++) {
    const v = nb.users[t]!;
    const s = nb.sims[t]!;
    for (let k = byUser.ptr[v]!; k < byUser.ptr[v + 1]!; k++) out[byUser.cols[k]!]! += s;
  }
}

/** How many neighbours rated `item`, and their mean stars (NaN when none gave stars). */
export function neighbourEvidence(byUser: Csr, nb: Neighbours, item: number): { count: number; meanStars: number } {
  let count = 0;
  let sum = 0;
  let starred = 0;
  for (let t = 0; t < nb.users.length; t++) {
    const v = nb.users[t]!;
    let lo = byUser.ptr[v]!;
    let hi = byUser.ptr[v + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = byUser.cols[mid]!;
      if (c === item) {
        count++;
        const r = byUser.vals[mid]!;
        if (!Number.isNaN(r)) {
          sum += r;
          starred++;
        }
        break;
      }
      if (c < item) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return { count, meanStars: starred > 0 ? sum / starred : Number.NaN };
}
