// Item-based kNN on implicit interactions: shrunk cosine between the sets of users who rated two films, top-k
// neighbours kept per film.
//
// The build walks the films in index order and counts, for film i, only its co-occurrences with films j > i: each
// user's row is sorted, so a per-user cursor points at i and the rest of the row is exactly the films after it.
// That halves the Σ_u n_u² counting. Each pair (i, j) is then offered to both films' bounded min-heaps (n × k
// entries in all), so every film still sees every co-occurring film once. A film's heap keeps the same neighbours
// and order as `topK` over its full row would (similarity rounded to float32, ties by lower index).
// When a row's work reaches the number of films left, the row is dense in practice (at 5M ratings a film co-occurs
// with most of the catalogue): it counts without tracking touched films and scans the rest of the row once.
import type { Csr } from './types.ts';

export interface ItemKnnOptions {
  readonly k: number;
  readonly shrink: number;
}
export const DEFAULT_ITEM_KNN: ItemKnnOptions = { k: 100, shrink: 10 };

export interface ItemKnnModel {
  /** Neighbour lists as CSR: row i holds i's top-k neighbours (sorted by similarity) and their similarities. */
  readonly ptr: Int32Array;
  readonly nbr: Int32Array;
  readonly sim: Float32Array;
}

export function buildItemKnn(byUser: Csr, byItem: Csr, opts: ItemKnnOptions = DEFAULT_ITEM_KNN): ItemKnnModel {
  const n = byItem.nRows;
  const k = opts.k;
  const shrink = opts.shrink;
  const uPtr = byUser.ptr;
  const uCols = byUser.cols;
  const iPtr = byItem.ptr;
  const iCols = byItem.cols;
  const co = new Int32Array(n);
  const touched = new Int32Array(n);
  const cursor = uPtr.slice(0, byUser.nRows);
  const heaps = new NeighbourHeaps(n, k);
  for (let i = 0; i < n; i++) {
    const ni = iPtr[i + 1]! - iPtr[i]!;
    let work = 0;
    for (let a = iPtr[i]!; a < iPtr[i + 1]!; a++) {
      const u = iCols[a]!;
      work += uPtr[u + 1]! - cursor[u]! - 1;
    }
    const dense = work >= n - i;
    let nt = 0;
    for (let a = iPtr[i]!; a < iPtr[i + 1]!; a++) {
      const u = iCols[a]!;
      const from = cursor[u]! + 1; // cursor[u] is i's place in u's row
      cursor[u] = from;
      const end = uPtr[u + 1]!;
      if (dense) {
        for (let b = from; b < end; b++) co[uCols[b]!]!++;
      } else {
        for (let b = from; b < end; b++) {
          const j = uCols[b]!;
          const c = co[j]!;
          if (c === 0) touched[nt++] = j;
          co[j] = c + 1;
        }
      }
    }
    if (k === 0) {
      if (dense) co.fill(0, i + 1);
      else for (let t = 0; t < nt; t++) co[touched[t]!] = 0;
      continue;
    }
    const last = dense ? n : nt;
    for (let t = dense ? i + 1 : 0; t < last; t++) {
      const j = dense ? t : touched[t]!;
      const c = co[j]!;
      if (c === 0) continue;
      co[j] = 0;
      const nj = iPtr[j + 1]! - iPtr[j]!;
      const v = Math.fround(c / (Math.sqrt(ni * nj) + shrink));
      if (!(v > 0)) continue;
      heaps.offer(i, j, v);
      heaps.offer(j, i, v);
    }
  }
  return heaps.drain();
}

/** One bounded min-heap of (index, similarity) per film, in flat typed arrays; `floor` makes most offers one compare. */
class NeighbourHeaps {
  readonly #k: number;
  readonly #size: Int32Array;
  readonly #idx: Int32Array;
  readonly #val: Float32Array;
  /** The heap's worst similarity once full, else 0 (similarities are > 0): anything below it is refused at once. */
  readonly #floor: Float32Array;

  constructor(n: number, k: number) {
    this.#k = k;
    this.#size = new Int32Array(n);
    this.#idx = new Int32Array(n * k);
    this.#val = new Float32Array(n * k);
    this.#floor = new Float32Array(n);
  }

  offer(row: number, j: number, v: number): void {
    if (v < this.#floor[row]!) return;
    const k = this.#k;
    const base = row * k;
    const idx = this.#idx;
    const val = this.#val;
    const size = this.#size[row]!;
    if (size < k) {
      let pos = size;
      while (pos > 0) {
        const parent = (pos - 1) >> 1;
        if (!worse(j, v, idx[base + parent]!, val[base + parent]!)) break;
        idx[base + pos] = idx[base + parent]!;
        val[base + pos] = val[base + parent]!;
        pos = parent;
      }
      idx[base + pos] = j;
      val[base + pos] = v;
      this.#size[row] = size + 1;
      if (size + 1 === k) this.#floor[row] = val[base]!;
    } else if (worse(idx[base]!, val[base]!, j, v)) {
      siftDown(idx, val, base, k, j, v);
      this.#floor[row] = val[base]!;
    }
  }

  /** Every heap as a CSR row, best first (drains the heaps). */
  drain(): ItemKnnModel {
    const n = this.#size.length;
    const ptr = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) ptr[i + 1] = ptr[i]! + this.#size[i]!;
    const nbr = new Int32Array(ptr[n]!);
    const sim = new Float32Array(ptr[n]!);
    const idx = this.#idx;
    const val = this.#val;
    for (let i = 0; i < n; i++) {
      const base = i * this.#k;
      // The worst comes out first, so fill the row from its end.
      for (let s = this.#size[i]!; s > 0; s--) {
        nbr[ptr[i]! + s - 1] = idx[base]!;
        sim[ptr[i]! + s - 1] = val[base]!;
        siftDown(idx, val, base, s - 1, idx[base + s - 1]!, val[base + s - 1]!);
      }
    }
    return { ptr, nbr, sim };
  }
}

/** Whether (ia, va) ranks below (ib, vb): lower similarity, or equal similarity and higher index. */
function worse(ia: number, va: number, ib: number, vb: number): boolean {
  return va < vb || (va === vb && ia > ib);
}

/** Puts (j, v) at the root of the heap at `base` (size `size`) and sifts it down. */
function siftDown(idx: Int32Array, val: Float32Array, base: number, size: number, j: number, v: number): void {
  let pos = 0;
  for (;;) {
    const l = 2 * pos + 1;
    if (l >= size) break;
    const r = l + 1;
    let m = l;
    if (r < size && worse(idx[base + r]!, val[base + r]!, idx[base + l]!, val[base + l]!)) m = r;
    if (!worse(idx[base + m]!, val[base + m]!, j, v)) break;
    idx[base + pos] = idx[base + m]!;
    val[base + pos] = val[base + m]!;
    pos = m;
  }
  idx[base + pos] = j;
  val[base + pos] = v;
}

/** Adds Σ_j w_j · sim(j, i) into `out` for every neighbour i of the user's films j. */
export function scoreItemKnn(model: ItemKnnModel, items: Int32Array, weights: Float32Array, out: Float32Array): void {
  for (let t = 0; t < items.length; t++) {
    const j = items[t]!;
    const w = weights[t]!;
    for (let k = model.ptr[j]!; k < model.ptr[j + 1]!; k++) out[model.nbr[k]!]! += w * model.sim[k]!;
  }
}

/** Each film's neighbour list re-sorted by film index, built on first use: the lookup below binary-searches it. */
const byIndex = new WeakMap<ItemKnnModel, { readonly nbr: Int32Array; readonly sim: Float32Array }>();

function neighboursByIndex(model: ItemKnnModel): { readonly nbr: Int32Array; readonly sim: Float32Array } {
  let rows = byIndex.get(model);
  if (!rows) {
    const nbr = new Int32Array(model.nbr.length);
    const sim = new Float32Array(model.sim.length);
    const order: number[] = [];
    for (let i = 0; i + 1 < model.ptr.length; i++) {
      const lo = model.ptr[i]!;
      order.length = 0;
      for (let k = lo; k < model.ptr[i + 1]!; k++) order.push(k);
      order.sort((x, y) => model.nbr[x]! - model.nbr[y]!);
      for (let t = 0; t < order.length; t++) {
        nbr[lo + t] = model.nbr[order[t]!]!;
        sim[lo + t] = model.sim[order[t]!]!;
      }
    }
    rows = { nbr, sim };
    byIndex.set(model, rows);
  }
  return rows;
}

/**
 * sim(a → b) if b is among a's neighbours, else 0. A binary search (the reasons ask it for every film of the user
 * and every pick: 27k times for someone with 2,700 films).
 */
export function itemKnnSimilarity(model: ItemKnnModel, a: number, b: number): number {
  const rows = neighboursByIndex(model);
  let lo = model.ptr[a]!;
  let hi = model.ptr[a + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const j = rows.nbr[mid]!;
    if (j === b) return rows.sim[mid]!;
    if (j < b) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
