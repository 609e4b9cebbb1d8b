// The item-kNN build (upper-triangle counting, per-film heaps) against the textbook computation: a full
// co-occurrence matrix, shrunk cosine per row, then `topK`.
import { describe, expect, it } from 'vitest';
import {
  buildItemKnn,
  csrFromTriplets,
  itemKnnSimilarity,
  mulberry32,
  topK,
  transpose,
} from '../../../src/recommender/index.ts';
import { randomMatrix } from './fixtures.ts';

function randomInteractions(nUsers: number, nItems: number, density: number, seed: number) {
  // A few heavy users, as in real data, so some rows take the dense path and others the sparse one.
  return randomMatrix(nUsers, nItems, (u) => (u % 7 === 0 ? Math.min(1, density * 6) : density), 4, mulberry32(seed));
}

function naiveItemKnn(
  byUser: ReturnType<typeof randomInteractions>['byUser'],
  nItems: number,
  k: number,
  shrink: number,
) {
  const co = Array.from({ length: nItems }, () => new Float64Array(nItems));
  for (let u = 0; u < byUser.nRows; u++) {
    for (let a = byUser.ptr[u]!; a < byUser.ptr[u + 1]!; a++) {
      for (let b = byUser.ptr[u]!; b < byUser.ptr[u + 1]!; b++) co[byUser.cols[a]!]![byUser.cols[b]!]! += 1;
    }
  }
  const rows: { nbr: number[]; sim: number[] }[] = [];
  for (let i = 0; i < nItems; i++) {
    const sims = new Float32Array(nItems);
    for (let j = 0; j < nItems; j++) {
      sims[j] = j === i ? 0 : co[i]![j]! / (Math.sqrt(co[i]![i]! * co[j]![j]!) + shrink);
    }
    const best = topK(sims, k, (j) => j === i || sims[j]! <= 0);
    rows.push({ nbr: Array.from(best), sim: Array.from(best, (j) => sims[j]!) });
  }
  return rows;
}

describe('buildItemKnn', () => {
  for (const [label, nUsers, nItems, density, k, shrink] of [
    ['sparse, ties (shrink 0)', 40, 30, 0.08, 5, 0],
    ['dense rows', 60, 25, 0.4, 8, 10],
    ['k above the number of films', 30, 12, 0.3, 50, 2],
  ] as const) {
    it(`keeps the same neighbours, order and similarities as a full co-occurrence matrix + topK (${label})`, () => {
      for (const seed of [1, 2, 3]) {
        const { byUser, byItem } = randomInteractions(nUsers, nItems, density, seed);
        const model = buildItemKnn(byUser, byItem, { k, shrink });
        const want = naiveItemKnn(byUser, nItems, k, shrink);
        for (let i = 0; i < nItems; i++) {
          const lo = model.ptr[i]!;
          const hi = model.ptr[i + 1]!;
          expect(Array.from(model.nbr.subarray(lo, hi)), `film ${i}, seed ${seed}`).toEqual(want[i]!.nbr);
          expect(Array.from(model.sim.subarray(lo, hi)), `film ${i}, seed ${seed}`).toEqual(want[i]!.sim);
        }
      }
    });
  }

  it('returns empty rows for films nobody else rated and for k = 0', () => {
    const { byUser, byItem } = randomInteractions(5, 4, 0, 1);
    expect(Array.from(buildItemKnn(byUser, byItem, { k: 3, shrink: 0 }).ptr)).toEqual([0, 0, 0, 0, 0]);
    const dense = randomInteractions(10, 6, 0.5, 2);
    expect(buildItemKnn(dense.byUser, dense.byItem, { k: 0, shrink: 0 }).nbr.length).toBe(0);
  });
});

describe('itemKnnSimilarity', () => {
  it("is sim(a → b) when b is among a's neighbours and 0 otherwise, for every pair", () => {
    const { byUser, byItem } = randomInteractions(50, 30, 0.2, 4);
    const model = buildItemKnn(byUser, byItem, { k: 6, shrink: 1 });
    for (let a = 0; a < 30; a++) {
      for (let b = 0; b < 30; b++) {
        let want = 0;
        for (let k = model.ptr[a]!; k < model.ptr[a + 1]!; k++) if (model.nbr[k] === b) want = model.sim[k]!;
        expect(itemKnnSimilarity(model, a, b), `${a} → ${b}`).toBe(want);
      }
    }
  });
});
