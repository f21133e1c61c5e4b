import type { IdBuffer, RankTable } from '../vocabulary/index.js';
import { heapPop, heapPush } from './min-heap.js';

/** Pieces longer than this merge through a heap and a linked list, O(n log n), instead of O(n²) scans. */
const LONG_PIECE = 96;
const NONE = 0x7fffffff;

// Scratch buffers reused across calls: the encoder runs one piece at a time and never re-enters.
let starts = new Int32Array(256);
let pairRanks = new Int32Array(256);
let tokens = new Int32Array(256);

let longNext = new Int32Array(0);
let longPrev = new Int32Array(0);
let longTok = new Int32Array(0);
let longPairAt = new Int32Array(0);
let longHeap = new Float64Array(0);

function ensureScratch(length: number): void {
  if (starts.length > length + 1) return;
  let size = starts.length;
  while (size <= length + 1) size *= 2;
  starts = new Int32Array(size);
  pairRanks = new Int32Array(size);
  tokens = new Int32Array(size);
}

/**
 * Byte-pair encodes `buffer[0, length)` with tiktoken's rule: repeatedly merge the adjacent pair
 * whose concatenation has the lowest rank, the leftmost one on ties, until no pair is a token.
 * Appends the resulting ranks to `out`.
 */
export function bytePairEncode(table: RankTable, buffer: Uint8Array, length: number, out: IdBuffer): void {
  if (length > LONG_PIECE) {
    bytePairEncodeLong(table, buffer, length, out);
    return;
  }
  ensureScratch(length);
  const s = starts;
  const pr = pairRanks;
  const tk = tokens;
  const byteRanks = table.byteRanks;
  let parts = length;
  for (let i = 0; i < length; i++) {
    s[i] = i;
    tk[i] = byteRanks[buffer[i] as number] as number;
  }
  s[length] = length;
  const bytePairRanks = table.bytePairRanks;
  for (let i = 0; i < length - 1; i++) {
    const r = bytePairRanks[((buffer[i] as number) << 8) | (buffer[i + 1] as number)] as number;
    pr[i] = r < 0 ? NONE : r;
  }
  pr[length - 1] = NONE;
  for (;;) {
    let min = NONE;
    let at = -1;
    for (let i = 0; i < parts - 1; i++) {
      const r = pr[i] as number;
      if (r < min) {
        min = r;
        at = i;
      }
    }
    if (at < 0) break;
    // Merge part `at` with part `at + 1`: drop boundary at + 1.
    tk[at] = min;
    for (let i = at + 1; i < parts; i++) {
      s[i] = s[i + 1] as number;
      pr[i] = pr[i + 1] as number;
      tk[i] = tk[i + 1] as number;
    }
    parts--;
    if (at + 1 < parts) {
      const r = table.pairRank(min, tk[at + 1] as number, buffer, s[at] as number, s[at + 2] as number);
      pr[at] = r < 0 ? NONE : r;
    } else pr[at] = NONE;
    if (at > 0) {
      const r = table.pairRank(tk[at - 1] as number, min, buffer, s[at - 1] as number, s[at + 1] as number);
      pr[at - 1] = r < 0 ? NONE : r;
    }
  }
  out.reserve(parts);
  const data = out.data;
  for (let i = 0; i < parts; i++) data[out.length++] = tk[i] as number;
}

/**
 * The same merge order for long pieces: parts form a linked list keyed by their first byte, candidate
 * pairs sit in a binary min-heap keyed by `rank * 2^32 + start` (lowest rank, then leftmost), and
 * entries made stale by an earlier merge are skipped when popped. 100k identical bytes take ~n log n.
 */
function bytePairEncodeLong(table: RankTable, buffer: Uint8Array, length: number, out: IdBuffer): void {
  if (longNext.length < length) {
    const size = Math.max(length, 2 * longNext.length);
    longNext = new Int32Array(size);
    longPrev = new Int32Array(size);
    longTok = new Int32Array(size);
    longPairAt = new Int32Array(size);
    // Each merge pushes at most two entries, so 3n bounds the live plus stale entries.
    longHeap = new Float64Array(3 * size);
  }
  const next = longNext;
  const prev = longPrev;
  const tok = longTok;
  const pairAt = longPairAt;
  const heap = longHeap;
  pairAt.fill(-1, 0, length);
  let heapSize = 0;
  const byteRanks = table.byteRanks;
  for (let i = 0; i < length; i++) {
    next[i] = i + 1;
    prev[i] = i - 1;
    tok[i] = byteRanks[buffer[i] as number] as number;
  }
  const bytePairRanks = table.bytePairRanks;
  for (let i = 0; i < length - 1; i++) {
    const r = bytePairRanks[((buffer[i] as number) << 8) | (buffer[i + 1] as number)] as number;
    if (r >= 0) {
      pairAt[i] = r;
      heapSize = heapPush(heap, heapSize, r * 4294967296 + i);
    }
  }
  while (heapSize > 0) {
    const key = heap[0] as number;
    heapSize = heapPop(heap, heapSize);
    const start = key % 4294967296;
    const rank = (key - start) / 4294967296;
    // Stale: the part was absorbed (pairAt reset) or its right neighbour changed since the push.
    if (pairAt[start] !== rank) continue;
    const right = next[start] as number;
    const after = right < length ? (next[right] as number) : length;
    tok[start] = rank;
    next[start] = after;
    if (after < length) prev[after] = start;
    pairAt[right] = -1;
    pairAt[start] = -1;
    if (after < length) {
      const r = table.pairRank(rank, tok[after] as number, buffer, start, next[after] as number);
      if (r >= 0) {
        pairAt[start] = r;
        heapSize = heapPush(heap, heapSize, r * 4294967296 + start);
      }
    }
    const before = prev[start] as number;
    if (before >= 0) {
      const r = table.pairRank(tok[before] as number, rank, buffer, before, after);
      pairAt[before] = r;
      if (r >= 0) heapSize = heapPush(heap, heapSize, r * 4294967296 + before);
    }
  }
  for (let i = 0; i < length; i = next[i] as number) out.push(tok[i] as number);
}
