// The SIMD Cholesky inverse against plain Gauss–Jordan elimination with partial pivoting on random SPD matrices.
import { describe, expect, it } from 'vitest';
import { invertSpd } from '../../../src/recommender/linalg.ts';
import { mulberry32 } from '../../../src/recommender/rng.ts';

/** A random SPD matrix like EASE's: a Gram matrix of 0/1 rows plus λ on the diagonal. */
function randomSpd(n: number, seed: number): Float64Array {
  const rand = mulberry32(seed);
  const rows = Array.from({ length: 3 * n }, () => Array.from({ length: n }, () => (rand() < 0.3 ? 1 : 0)));
  const a = new Float64Array(n * n);
  for (const r of rows) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j]! += r[i]! * r[j]!;
  for (let i = 0; i < n; i++) a[i * n + i]! += 2;
  return a;
}

function gaussJordan(a: Float64Array, n: number): Float64Array {
  const m = Array.from({ length: n }, (_, i) => [
    ...Array.from(a.subarray(i * n, (i + 1) * n)),
    ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  ]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]!;
    for (let k = 0; k < 2 * n; k++) m[c]![k]! /= piv;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]!;
      for (let k = 0; k < 2 * n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return Float64Array.from(m.flatMap((row) => row.slice(n)));
}

describe('invertSpd', () => {
  // Sizes around multiples of 4 exercise the kernel's 4-wide loop and its 0–3 tail.
  for (const n of [1, 2, 3, 4, 5, 7, 8, 9, 13, 31, 64]) {
    it(`matches Gauss–Jordan at n = ${n}`, () => {
      for (const seed of [1, 2]) {
        const a = randomSpd(n, seed * 100 + n);
        const want = gaussJordan(a, n);
        const got = invertSpd(a, n);
        for (let k = 0; k < n * n; k++) expect(got[k]!).toBeCloseTo(want[k]!, 12);
      }
    });
  }

  it('reads only the lower triangle', () => {
    const n = 6;
    const a = randomSpd(n, 9);
    const want = invertSpd(a, n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) a[i * n + j] = 1e9;
    expect(Array.from(invertSpd(a, n))).toEqual(Array.from(want));
  });

  it('throws on a matrix that is not positive definite', () => {
    expect(() => invertSpd(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(/not positive definite/);
  });
});
