import type { IdBuffer } from '../vocabulary/index.js';
import { heapPop, heapPush } from '../bpe/min-heap.js';
import type { PairTable } from './pair-table.js';

const NONE = 0x7fffffff;
/** Words up to this many symbols merge by rescanning their pairs (no heap to build). */
const SHORT_WORD = 16;

// Scratch reused from one word to the next (merging is synchronous and never re-entered): a word costs
// no allocation unless it is longer than every word before it.
let priorities = new Int32Array(256);
let next = new Int32Array(256);
let prev = new Int32Array(256);
let heap = new Float64Array(256);

/**
 * Merges `symbols[0, count)` (ids) in place with Hugging Face's rule — lowest merge priority first,
 * leftmost on ties — and appends the result to `out`. Short words rescan their pair priorities after
 * each merge; long ones use a heap keyed by `priority * 2^32 + position` with lazy deletion, which keeps
 * them O(n log n).
 */
export function mergeWord(pairs: PairTable, symbols: Int32Array, count: number, out: IdBuffer): void {
  if (count === 1) {
    out.push(symbols[0] as number);
    return;
  }
  if (priorities.length < count) {
    const size = Math.max(count, 2 * priorities.length);
    priorities = new Int32Array(size);
    next = new Int32Array(size);
    prev = new Int32Array(size);
  }
  if (heap.length < 3 * count) heap = new Float64Array(3 * Math.max(count, heap.length));
  if (count <= SHORT_WORD) mergeShort(pairs, symbols, count, out);
  else mergeLong(pairs, symbols, count, out);
}

/** Priority of the merge of `a` then `b`, or NONE. */
function priorityOf(pairs: PairTable, a: number, b: number): number {
  const line = pairs.find(a, b);
  return line < 0 ? NONE : pairs.priorityAt(line);
}

function mergeShort(pairs: PairTable, symbols: Int32Array, count: number, out: IdBuffer): void {
  const rank = priorities;
  // rank[i]: priority of merging symbols i and i + 1; the list shrinks in place as pairs merge.
  for (let i = 0; i < count - 1; i++) rank[i] = priorityOf(pairs, symbols[i] as number, symbols[i + 1] as number);
  let length = count;
  for (;;) {
    let best = NONE;
    let at = -1;
    for (let i = 0; i < length - 1; i++) {
      if ((rank[i] as number) < best) {
        best = rank[i] as number;
        at = i;
      }
    }
    if (at < 0) break;
    symbols[at] = pairs.mergedAt(best); // a pair table's priority is its merge line
    for (let i = at + 1; i < length - 1; i++) {
      symbols[i] = symbols[i + 1] as number;
      rank[i] = rank[i + 1] as number;
    }
    length--;
    if (at + 1 < length) rank[at] = priorityOf(pairs, symbols[at] as number, symbols[at + 1] as number);
    if (at > 0) rank[at - 1] = priorityOf(pairs, symbols[at - 1] as number, symbols[at] as number);
  }
  out.reserve(length);
  for (let i = 0; i < length; i++) out.data[out.length++] = symbols[i] as number;
}

/**
 * Long words: a heap of `priority * 2^32 + position` with lazy deletion (a popped key whose pair changed
 * since is skipped), over a linked list of the symbols left. No closures made per word: one kept V8 from
 * inlining the lookups, a third of this path's time.
 */
function mergeLong(pairs: PairTable, symbols: Int32Array, count: number, out: IdBuffer): void {
  const pairPriority = priorities;
  let size = 0;
  for (let i = 0; i < count; i++) {
    next[i] = i + 1;
    prev[i] = i - 1;
  }
  for (let i = 0; i < count - 1; i++) {
    const priority = priorityOf(pairs, symbols[i] as number, symbols[i + 1] as number);
    pairPriority[i] = priority;
    if (priority !== NONE) size = heapPush(heap, size, priority * 4294967296 + i);
  }
  pairPriority[count - 1] = NONE;
  while (size > 0) {
    const key = heap[0] as number;
    size = heapPop(heap, size);
    const i = key % 4294967296;
    const priority = (key - i) / 4294967296;
    const j = next[i] as number;
    if (pairPriority[i] !== priority || j >= count) continue;
    symbols[i] = pairs.mergedAt(priority); // a pair table's priority is its merge line
    const after = next[j] as number;
    next[i] = after;
    if (after < count) prev[after] = i;
    pairPriority[j] = NONE;
    // The merged symbol's pairs with its neighbours are new.
    if (after < count) {
      const right = priorityOf(pairs, symbols[i] as number, symbols[after] as number);
      pairPriority[i] = right;
      if (right !== NONE) size = heapPush(heap, size, right * 4294967296 + i);
    } else pairPriority[i] = NONE;
    const before = prev[i] as number;
    if (before >= 0) {
      const left = priorityOf(pairs, symbols[before] as number, symbols[i] as number);
      pairPriority[before] = left;
      if (left !== NONE) size = heapPush(heap, size, left * 4294967296 + before);
    }
  }
  for (let i = 0; i < count; i = next[i] as number) out.push(symbols[i] as number);
}
