/**
 * A binary min-heap of float64 keys in a caller's `Float64Array`, for BPE merges keyed by
 * `priority * 2^32 + position` (lowest priority first, then leftmost). Plain functions over the array
 * and its size, not closures: V8 inlines them into the merge loops. The caller sizes the array: a merge
 * of n symbols pushes at most 3n keys (n − 1 first pairs, then two per merge, stale ones included).
 */

/** Pushes `key` onto the first `size` keys of `heap`; returns the new size. */
export function heapPush(heap: Float64Array, size: number, key: number): number {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const above = heap[parent] as number;
    if (above <= key) break;
    heap[i] = above;
    i = parent;
  }
  heap[i] = key;
  return size + 1;
}

/** Removes the smallest of the first `size` keys (read it from `heap[0]` first); returns the new size. */
export function heapPop(heap: Float64Array, size: number): number {
  const last = heap[--size] as number;
  if (size > 0) {
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && (heap[child + 1] as number) < (heap[child] as number)) child++;
      if ((heap[child] as number) >= last) break;
      heap[i] = heap[child] as number;
      i = child;
    }
    heap[i] = last;
  }
  return size;
}
