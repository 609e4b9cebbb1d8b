// Dense symmetric positive-definite inverse through Cholesky, on row-major Float64Array. Written so every inner
// loop is a dot product of two contiguous rows (the fastest access pattern in V8).

/**
 * Inverts the SPD matrix `a` (n×n, row-major; only the lower triangle is read) and returns the full inverse.
 * Throws if `a` is not positive definite. Cost ≈ 2n³/3 multiply-adds.
 */
export function invertSpd(a: Float64Array, n: number): Float64Array {
  // 1. Cholesky a = L Lᵀ, L stored row-major in `l` (lower triangle).
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = a[ri + j]!;
      for (let k = 0; k < j; k++) s -= l[ri + k]! * l[rj + k]!;
      if (i === j) {
        if (!(s > 0)) throw new Error(`matrix is not positive definite (pivot ${i} = ${s})`);
        l[ri + i] = Math.sqrt(s);
      } else {
        l[ri + j] = s / l[rj + j]!;
      }
    }
  }
  // 2. U = (L⁻¹)ᵀ, stored row-major: row c of U is column c of L⁻¹ (forward substitution, x_i = 0 for i < c).
  const u = new Float64Array(n * n);
  const x = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    x.fill(0, 0, c);
    x[c] = 1 / l[c * n + c]!;
    for (let i = c + 1; i < n; i++) {
      const ri = i * n;
      let s = 0;
      for (let k = c; k < i; k++) s += l[ri + k]! * x[k]!;
      x[i] = -s / l[ri + i]!;
    }
    u.set(x.subarray(c), c * n + c);
  }
  // 3. a⁻¹ = L⁻ᵀ L⁻¹ = U Uᵀ: entry (i, j) = Σ_{k ≥ max(i,j)} U[i][k] U[j][k].
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = 0;
      for (let k = i; k < n; k++) s += u[ri + k]! * u[rj + k]!;
      inv[ri + j] = s;
      inv[rj + i] = s;
    }
  }
  return inv;
}
