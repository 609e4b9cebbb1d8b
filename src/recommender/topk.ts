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

/**
 * The positions of the k highest positive `scores`, best first, ties by lower `ids[position]` (by lower position
 * without `ids`): what `topK(byId, k, (i) => byId[i] <= 0, ids)` returns, as positions. No callbacks, and most
 * candidates cost one comparison with the heap's worst, for long candidate lists (user-kNN at 5M ratings).
 */
export function topKPositive(scores: Float32Array, k: number, ids?: Int32Array): Int32Array {
  const pos = new Int32Array(Math.max(k, 0));
  const val = new Float64Array(Math.max(k, 0));
  const id = new Int32Array(Math.max(k, 0));
  let size = 0;
  // worse(a, b): a ranks below b
  const worse = (va: number, ia: number, vb: number, ib: number) => va < vb || (va === vb && ia > ib);
  // Puts (position p, value v, id i) at the root of the heap's first `n` slots and sinks it to its place.
  const siftDown = (p: number, v: number, i: number, n: number) => {
    let at = 0;
    for (;;) {
      const l = 2 * at + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && worse(val[r]!, id[r]!, val[l]!, id[l]!) ? r : l;
      if (!worse(val[m]!, id[m]!, v, i)) break;
      pos[at] = pos[m]!;
      val[at] = val[m]!;
      id[at] = id[m]!;
      at = m;
    }
    pos[at] = p;
    val[at] = v;
    id[at] = i;
  };
  for (let p = 0; p < scores.length; p++) {
    const v = scores[p]!;
    if (!(v > 0)) continue;
    const i = ids ? ids[p]! : p;
    if (size < k) {
      let at = size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!worse(v, i, val[parent]!, id[parent]!)) break;
        pos[at] = pos[parent]!;
        val[at] = val[parent]!;
        id[at] = id[parent]!;
        at = parent;
      }
      pos[at] = p;
      val[at] = v;
      id[at] = i;
    } else if (k > 0 && worse(val[0]!, id[0]!, v, i)) siftDown(p, v, i, size);
  }
  // Best first: pop the heap's worst into the last free slot until it is empty (no comparator callbacks).
  const out = new Int32Array(size);
  for (let end = size - 1; end >= 0; end--) {
    out[end] = pos[0]!;
    siftDown(pos[end]!, val[end]!, id[end]!, end);
  }
  return out;
}
