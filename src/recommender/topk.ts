/**
 * The k best indices by score (descending; ties by lower index, so results are deterministic), skipping indices
 * for which `skip` returns true. A bounded min-heap: O(n log k).
 */
export function topK(
  scores: ArrayLike<number>,
  k: number,
  skip?: (i: number) => boolean,
  candidates?: ArrayLike<number>,
): Int32Array {
  const heapIdx = new Int32Array(k);
  const heapVal = new Float64Array(k);
  let size = 0;
  // worse(a, b): a ranks below b
  const worse = (ia: number, va: number, ib: number, vb: number) => va < vb || (va === vb && ia > ib);
  const siftDown = (pos: number) => {
    for (;;) {
      const l = 2 * pos + 1;
      const r = l + 1;
      let m = pos;
      if (l < size && worse(heapIdx[l]!, heapVal[l]!, heapIdx[m]!, heapVal[m]!)) m = l;
      if (r < size && worse(heapIdx[r]!, heapVal[r]!, heapIdx[m]!, heapVal[m]!)) m = r;
      if (m === pos) return;
      const ti = heapIdx[pos]!;
      const tv = heapVal[pos]!;
      heapIdx[pos] = heapIdx[m]!;
      heapVal[pos] = heapVal[m]!;
      heapIdx[m] = ti;
      heapVal[m] = tv;
      pos = m;
    }
  };
  const consider = (i: number) => {
    if (skip?.(i)) return;
    const v = scores[i]!;
    if (Number.isNaN(v)) return;
    if (size < k) {
      let pos = size++;
      heapIdx[pos] = i;
      heapVal[pos] = v;
      while (pos > 0) {
        const parent = (pos - 1) >> 1;
        if (!worse(heapIdx[pos]!, heapVal[pos]!, heapIdx[parent]!, heapVal[parent]!)) break;
        const ti = heapIdx[pos]!;
        const tv = heapVal[pos]!;
        heapIdx[pos] = heapIdx[parent]!;
        heapVal[pos] = heapVal[parent]!;
        heapIdx[parent] = ti;
        heapVal[parent] = tv;
        pos = parent;
      }
    } else if (k > 0 && worse(heapIdx[0]!, heapVal[0]!, i, v)) {
      heapIdx[0] = i;
      heapVal[0] = v;
      siftDown(0);
    }
  };
  if (candidates) for (let c = 0; c < candidates.length; c++) consider(candidates[c]!);
  else for (let i = 0; i < scores.length; i++) consider(i);
  const out = Array.from(heapIdx.subarray(0, size));
  out.sort((a, b) => {
    const d = (scores[b] as number) - (scores[a] as number);
    return d !== 0 ? d : a - b;
  });
  return Int32Array.from(out);
}
