// findNeighbours (integer overlaps, typed candidate list, topKPositive) against a plain Map-and-sort version, and
// topKPositive against topK.
import { describe, expect, it } from 'vitest';
import {
  csrFromTriplets,
  findNeighbours,
  mulberry32,
  topK,
  topKPositive,
  transpose,
} from '../../../src/recommender/index.ts';
import { randomMatrix } from './fixtures.ts';

function randomWorld(nUsers: number, nItems: number, seed: number) {
  const rand = mulberry32(seed);
  return { ...randomMatrix(nUsers, nItems, (u) => (u % 5 === 0 ? 0.6 : 0.15), 3, rand), rand };
}

describe('topKPositive', () => {
  it('returns the positions topK returns over the ids, ties by lower id', () => {
    const rand = mulberry32(5);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(rand() * 60);
      // Few distinct values, some ≤ 0, so ties and skips are common.
      const scores = Float32Array.from({ length: n }, () => Math.floor(rand() * 6) - 1);
      const ids = Int32Array.from({ length: n }, (_, p) => p);
      for (let p = n - 1; p > 0; p--) {
        const q = Math.floor(rand() * (p + 1));
        [ids[p], ids[q]] = [ids[q]!, ids[p]!];
      }
      const byId = new Float32Array(n);
      for (let p = 0; p < n; p++) byId[ids[p]!] = scores[p]!;
      for (const k of [0, 1, 3, 10, 100]) {
        const want = Array.from(topK(byId, k, (i) => byId[i]! <= 0, ids));
        expect(Array.from(topKPositive(scores, k, ids), (p) => ids[p]!)).toEqual(want);
        expect(Array.from(topKPositive(byId, k))).toEqual(Array.from(topK(byId, k, (i) => byId[i]! <= 0)));
      }
    }
  });
});

type Csr = ReturnType<typeof randomWorld>['byUser'];

/** Every co-rater's true similarity (a Map of overlaps), sorted by similarity desc, then user index. */
function plainSimilarities(
  byUser: Csr,
  byItem: Csr,
  items: Int32Array,
  opts: { shrink: number; serverWeight: number },
  self: number,
  circle?: Uint8Array,
): (readonly [number, number])[] {
  const overlap = new Map<number, number>();
  for (const j of items)
    for (let a = byItem.ptr[j]!; a < byItem.ptr[j + 1]!; a++)
      overlap.set(byItem.cols[a]!, (overlap.get(byItem.cols[a]!) ?? 0) + 1);
  const sims = [...overlap].map(([v, ov]) => {
    const nv = byUser.ptr[v + 1]! - byUser.ptr[v]!;
    const s = v === self ? 0 : (ov / Math.sqrt(items.length * nv)) * (ov / (ov + opts.shrink));
    return [v, Math.fround(circle?.[v] === 1 ? s * opts.serverWeight : s)] as const;
  });
  return sims.filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

function* cases() {
  for (const seed of [1, 2, 3]) {
    const { byUser, byItem, rand } = randomWorld(70, 40, seed);
    for (let trial = 0; trial < 10; trial++) {
      const items = Int32Array.from(Array.from({ length: 40 }, (_, i) => i).filter(() => rand() < 0.3));
      const self = trial % 2 === 0 ? Math.floor(rand() * 70) : -1;
      const circle = trial % 3 === 0 ? Uint8Array.from({ length: 70 }, () => (rand() < 0.3 ? 1 : 0)) : undefined;
      yield { byUser, byItem, items, self, circle };
    }
  }
}

describe('findNeighbours', () => {
  it('matches overlaps counted in a Map and sorted (similarity desc, then user index)', () => {
    for (const { byUser, byItem, items, self, circle } of cases()) {
      const opts = { k: 7, shrink: 2, serverWeight: 2 };
      const got = findNeighbours(byUser, byItem, items, opts, self, circle);
      const want = plainSimilarities(byUser, byItem, items, opts, self, circle).slice(0, opts.k);
      expect(Array.from(got.users)).toEqual(want.map(([v]) => v));
      expect(Array.from(got.sims)).toEqual(want.map(([, s]) => s));
      // A bound no film reaches changes nothing.
      const roomy = findNeighbours(byUser, byItem, items, { ...opts, maxRatersPerFilm: 70 }, self, circle);
      expect(Array.from(roomy.users)).toEqual(Array.from(got.users));
      expect(Array.from(roomy.sims)).toEqual(Array.from(got.sims));
    }
  });

  it('when the bound samples films, names only true similarities, best first, and keeps most of the similarity', () => {
    let kept = 0;
    let best = 0;
    let sampledCalls = 0;
    for (const { byUser, byItem, items, self, circle } of cases()) {
      const opts = { k: 7, shrink: 2, serverWeight: 2, maxRatersPerFilm: 4 };
      if (items.some((j) => byItem.ptr[j + 1]! - byItem.ptr[j]! > 4)) sampledCalls++;
      const got = findNeighbours(byUser, byItem, items, opts, self, circle);
      const truth = plainSimilarities(byUser, byItem, items, opts, self, circle);
      const trueSim = new Map(truth);
      for (let t = 0; t < got.users.length; t++) {
        expect(got.sims[t]).toBe(trueSim.get(got.users[t]!));
        if (t > 0) expect(got.sims[t]!).toBeLessThanOrEqual(got.sims[t - 1]!);
      }
      for (const s of got.sims) kept += s;
      for (const [, s] of truth.slice(0, opts.k)) best += s;
    }
    expect(sampledCalls).toBeGreaterThan(20);
    // Reading about 4 raters a film out of ~10–40, the neighbours found still carry most of the similarity the true
    // top 7 carry (many users tie, so which of the tied ones is found does not matter).
    expect(kept / best, `similarity kept ${kept} of ${best}`).toBeGreaterThan(0.6);
  });

  it('applies the bound only when the films have more raters than boundAbove in all', () => {
    let exactCalls = 0;
    let boundedCalls = 0;
    for (const { byUser, byItem, items, self, circle } of cases()) {
      const opts = { k: 7, shrink: 2, serverWeight: 2 };
      const bounded = { ...opts, maxRatersPerFilm: 4 };
      let total = 0;
      for (const j of items) total += byItem.ptr[j + 1]! - byItem.ptr[j]!;
      const same = (a: ReturnType<typeof findNeighbours>, b: ReturnType<typeof findNeighbours>) => {
        expect(Array.from(a.users)).toEqual(Array.from(b.users));
        expect(Array.from(a.sims)).toEqual(Array.from(b.sims));
      };
      // At the threshold the search reads everything, as if unbounded; one rater over it, as if always bounded.
      const atThreshold = findNeighbours(byUser, byItem, items, { ...bounded, boundAbove: total }, self, circle);
      same(atThreshold, findNeighbours(byUser, byItem, items, opts, self, circle));
      exactCalls++;
      if (total === 0) continue;
      const over = findNeighbours(byUser, byItem, items, { ...bounded, boundAbove: total - 1 }, self, circle);
      same(over, findNeighbours(byUser, byItem, items, bounded, self, circle));
      boundedCalls++;
    }
    expect(exactCalls).toBe(30);
    expect(boundedCalls).toBeGreaterThan(20);
  });

  it('when many candidates share two films, the one-film candidates are skipped only when none could rank', () => {
    // 200 users who each rated 12 of 120 films: dozens share two or more films with the user, and every row is long,
    // so no one-film candidate can reach the k best. Then one user who rated a single one of the user's films (a
    // one-film candidate whose short row puts it among the k best) must still be found.
    const rand = mulberry32(11);
    const rows: number[] = [];
    const cols: number[] = [];
    for (let u = 0; u < 200; u++) {
      const films = Array.from({ length: 120 }, (_, i) => i);
      shuffle(films, rand);
      for (const i of films.slice(0, 12)) {
        rows.push(u);
        cols.push(i);
      }
    }
    const build = (extra: readonly number[]) => {
      const byUser = csrFromTriplets(
        200 + extra.length,
        120,
        Int32Array.from([...rows, ...extra.map((_, t) => 200 + t)]),
        Int32Array.from([...cols, ...extra]),
        new Float32Array(rows.length + extra.length).fill(3),
      );
      return { byUser, byItem: transpose(byUser) };
    };
    const items = Int32Array.from([0, 3, 7, 19, 34, 51, 62, 80, 95, 118]);
    const opts = { k: 20, shrink: 2, serverWeight: 2 };
    for (const extra of [[], [7]]) {
      const { byUser, byItem } = build(extra);
      for (const circle of [undefined, Uint8Array.from({ length: byUser.nRows }, (_, v) => v % 2)]) {
        const got = findNeighbours(byUser, byItem, items, opts, 4, circle);
        const want = plainSimilarities(byUser, byItem, items, opts, 4, circle).slice(0, opts.k);
        expect(Array.from(got.users)).toEqual(want.map(([v]) => v));
        expect(Array.from(got.sims)).toEqual(want.map(([, s]) => s));
      }
    }
    const { byUser, byItem } = build([7]);
    expect(Array.from(findNeighbours(byUser, byItem, items, opts, 4).users)).toContain(200);
  });
});

function shuffle(a: number[], rand: () => number): void {
  for (let p = a.length - 1; p > 0; p--) {
    const q = Math.floor(rand() * (p + 1));
    [a[p], a[q]] = [a[q]!, a[p]!];
  }
}
