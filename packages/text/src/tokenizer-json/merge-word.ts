import type { IdBuffer } from '../vocabulary/index.js';
import type { PairTable } from './pair-table.js';

const NONE = 0x7fffffff;

/**
 * Merges `symbols[0, count)` (ids) in place with Hugging Face's rule — lowest merge priority first,
 * leftmost on ties — and appends the result to `out`. A heap keyed by `priority * 2^32 + position`
 * with lazy deletion keeps long words O(n log n).
 */
export function mergeWord(pairs: PairTable, symbols: Int32Array, count: number, out: IdBuffer): void {
  if (count === 1) {
    out.push(symbols[0] as number);
    return;
  }
  const next = new Int32Array(count);
  const prev = new Int32Array(count);
  const pairPriority = new Int32Array(count).fill(NONE);
  const heap: number[] = [];
  const push = (key: number): void => {
    let i = heap.length;
    heap.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as number) <= key) break;
      heap[i] = heap[parent] as number;
      i = parent;
    }
    heap[i] = key;
  };
  const pop = (): number => {
    const top = heap[0] as number;
    const last = heap.pop() as number;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= heap.length) break;
        if (child + 1 < heap.length && (heap[child + 1] as number) < (heap[child] as number)) child++;
        if ((heap[child] as number) >= last) break;
        heap[i] = heap[child] as number;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  };
  const consider = (i: number): void => {
    const j = next[i] as number;
    if (j >= count) {
      pairPriority[i] = NONE;
      return;
    }
    const slot = pairs.find(symbols[i] as number, symbols[j] as number);
    pairPriority[i] = slot < 0 ? NONE : pairs.priorityAt(slot);
    if (slot >= 0) push(pairs.priorityAt(slot) * 4294967296 + i);
  };
  for (let i = 0; i < count; i++) {
    next[i] = i + 1;
    prev[i] = i - 1;
  }
  for (let i = 0; i < count - 1; i++) consider(i);
  while (heap.length > 0) {
    const key = pop();
    const i = key % 4294967296;
    const priority = (key - i) / 4294967296;
    if (pairPriority[i] !== priority || next[i] as number >= count) continue;
    const j = next[i] as number;
    const slot = pairs.find(symbols[i] as number, symbols[j] as number);
    if (slot < 0 || pairs.priorityAt(slot) !== priority) continue;
    symbols[i] = pairs.mergedAt(slot);
    next[i] = next[j] as number;
    if ((next[j] as number) < count) prev[next[j] as number] = i;
    pairPriority[j] = NONE;
    consider(i);
    if ((prev[i] as number) >= 0) consider(prev[i] as number);
  }
  for (let i = 0; i < count; i = next[i] as number) out.push(symbols[i] as number);
}
