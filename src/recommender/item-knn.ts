// Item-based kNN on implicit interactions: shrunk cosine between the sets of users who rated two films, top-k
// neighbours kept per film. Build cost Σ_u n_u² (co-occurrence counting through the user rows).
import { topK } from './topk.ts';
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
  const co = new Float32Array(n);
  const touched = new Int32Array(n);
  const ptr = new Int32Array(n + 1);
  const nbrParts: Int32Array[] = [];
  const simParts: Float32Array[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    let nt = 0;
    const ni = byItem.ptr[i + 1]! - byItem.ptr[i]!;
    for (let a = byItem.ptr[i]!; a < byItem.ptr[i + 1]!; a++) {
      const u = byItem.cols[a]!;
      for (let b = byUser.ptr[u]!; b < byUser.ptr[u + 1]!; b++) {
        const j = byUser.cols[b]!;
        if (co[j] === 0) touched[nt++] = j;
        co[j]! += 1;
      }
    }
    const cand = touched.subarray(0, nt);
    for (let t = 0; t < nt; t++) {
      const j = cand[t]!;
      const nj = byItem.ptr[j + 1]! - byItem.ptr[j]!;
      co[j] = j === i ? 0 : co[j]! / (Math.sqrt(ni * nj) + opts.shrink);
    }
    const best = topK(co, opts.k, (j) => j === i || co[j]! <= 0, cand);
    const sims = new Float32Array(best.length);
    for (let t = 0; t < best.length; t++) sims[t] = co[best[t]!]!;
    for (let t = 0; t < nt; t++) co[cand[t]!] = 0;
    nbrParts.push(best);
    simParts.push(sims);
    total += best.length;
    ptr[i + 1] = total;
  }
  const nbr = new Int32Array(total);
  const sim = new Float32Array(total);
  for (let i = 0; i < n; i++) {
    nbr.set(nbrParts[i]!, ptr[i]!);
    sim.set(simParts[i]!, ptr[i]!);
  }
  return { ptr, nbr, sim };
}

/** Adds Σ_j w_j · sim(j, i) into `out` for every neighbour i of the user's films j. */
export function scoreItemKnn(model: ItemKnnModel, items: Int32Array, weights: Float32Array, out: Float32Array): void {
  for (let t = 0; t < items.length; t++) {
    const j = items[t]!;
    const w = weights[t]!;
    for (let k = model.ptr[j]!; k < model.ptr[j + 1]!; k++) out[model.nbr[k]!]! += w * model.sim[k]!;
  }
}

/** sim(a → b) if b is among a's neighbours, else 0. */
export function itemKnnSimilarity(model: ItemKnnModel, a: number, b: number): number {
  for (let k = model.ptr[a]!; k < model.ptr[a + 1]!; k++) if (model.nbr[k] === b) return model.sim[k]!;
  return 0;
}
