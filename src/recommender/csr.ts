import type { Csr } from './types.ts';

/** Stable counting sort of positions `order` by `key`. */
function bucketSort(order: Int32Array, key: Int32Array, nKeys: number): Int32Array {
  const counts = new Int32Array(nKeys + 1);
  for (let k = 0; k < order.length; k++) counts[key[order[k]!]! + 1]!++;
  for (let c = 0; c < nKeys; c++) counts[c + 1]! += counts[c]!;
  const out = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const p = order[k]!;
    out[counts[key[p]!]!++] = p;
  }
  return out;
}

/**
 * Builds a CSR matrix from triplets, columns sorted within each row (two stable counting sorts: O(n)).
 * Duplicates (same row and column) keep the last value given.
 */
export function csrFromTriplets(
  nRows: number,
  nCols: number,
  rows: Int32Array,
  cols: Int32Array,
  vals: Float32Array,
): Csr {
  const n = rows.length;
  let order: Int32Array = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  order = bucketSort(order, cols, nCols);
  order = bucketSort(order, rows, nRows);
  const ptr = new Int32Array(nRows + 1);
  const outCols = new Int32Array(n);
  const outVals = new Float32Array(n);
  let w = 0;
  for (let k = 0; k < n; k++) {
    const p = order[k]!;
    const next = k + 1 < n ? order[k + 1]! : -1;
    if (next >= 0 && rows[next] === rows[p] && cols[next] === cols[p]) continue; // a later duplicate wins
    outCols[w] = cols[p]!;
    outVals[w] = vals[p]!;
    ptr[rows[p]! + 1]!++;
    w++;
  }
  for (let r = 0; r < nRows; r++) ptr[r + 1]! += ptr[r]!;
  return { nRows, nCols, ptr, cols: outCols.slice(0, w), vals: outVals.slice(0, w) };
}

export function transpose(m: Csr): Csr {
  const counts = new Int32Array(m.nCols + 1);
  for (let k = 0; k < m.cols.length; k++) counts[m.cols[k]! + 1]!++;
  for (let c = 0; c < m.nCols; c++) counts[c + 1]! += counts[c]!;
  const fill = counts.slice(0, m.nCols);
  const cols = new Int32Array(m.cols.length);
  const vals = new Float32Array(m.cols.length);
  for (let r = 0; r < m.nRows; r++) {
    for (let k = m.ptr[r]!; k < m.ptr[r + 1]!; k++) {
      const at = fill[m.cols[k]!]!++;
      cols[at] = r;
      vals[at] = m.vals[k]!;
    }
  }
  return { nRows: m.nCols, nCols: m.nRows, ptr: counts, cols, vals };
}
