/**
 * Byte-sequence → rank lookup over a vocabulary stored as one byte array plus offsets
 * (`token r` is `bytes[offsets[r], offsets[r + 1])`). An open-addressing hash table of
 * `Int32Array` slots keyed by FNV-1a of the bytes: no per-token strings or objects, so building it
 * for 200k tokens takes a few milliseconds and lookups hash straight from the caller's buffer.
 */
export class RankTable {
  /** Concatenated token bytes, by rank. */
  readonly bytes: Uint8Array;
  /** `offsets[r]..offsets[r+1]` delimits rank r; empty for ranks the vocabulary lacks. */
  readonly offsets: Uint32Array;
  /** Number of ranks (including holes). */
  readonly size: number;
  private readonly slots: Int32Array;
  private readonly mask: number;
  // One bit per value of the hash's top bits, set for every token: most byte strings BPE asks about are
  // not tokens, and this 8-bits-per-token filter (a few hundred KiB, cache-resident) turns most of those
  // lookups away before they touch the multi-megabyte slot array.
  private readonly filter: Int32Array;
  private readonly filterShift: number;
  /** Rank of each single byte, or -1: the BPE start state without a hash lookup. */
  readonly byteRanks: Int32Array;
  /**
   * Rank of each two-byte token, indexed by `first << 8 | second`, or -1. BPE starts by asking for
   * every adjacent byte pair of a piece: a quarter-megabyte table answers those without hashing
   * and without touching the large slot table (about half of all pair queries on unseen text).
   */
  readonly bytePairRanks: Int32Array;
  // Direct-mapped memo of (left rank, right rank) → merged rank: BPE asks for the same pairs over and
  // over, and two integers hash far faster than a byte range. Interleaved [left, right, merged, unused]
  // per slot: one cache line per probe. Small on purpose (256 KiB): it stays in the CPU's cache, and
  // on unseen multilingual text a 4 MiB memo ran slower for its cache misses than this one does for
  // its collisions. Allocated here rather than on first use, so the optimised merge loop never meets
  // a branch it has not run (V8 would throw the compiled code away on the first encode).
  private readonly pairMemo = new Int32Array(4 * PAIR_SLOTS).fill(-1);

  constructor(bytes: Uint8Array, offsets: Uint32Array) {
    this.bytes = bytes;
    this.offsets = offsets;
    this.size = offsets.length - 1;
    let capacity = 1024;
    while (capacity < this.size * 2) capacity <<= 1;
    // Interleaved [rank, byte start, byte length, unused] per slot: a probe compares lengths and
    // bytes without a detour through `offsets` (one cache miss fewer on a 200k-token table).
    this.slots = new Int32Array(4 * capacity).fill(-1);
    this.mask = capacity - 1;
    let filterBits = 16;
    while (1 << filterBits < this.size * 8) filterBits++;
    this.filter = new Int32Array(1 << (filterBits - 5));
    this.filterShift = 32 - filterBits;
    this.byteRanks = new Int32Array(256).fill(-1);
    this.bytePairRanks = new Int32Array(65536).fill(-1);
    for (let rank = 0; rank < this.size; rank++) {
      const start = offsets[rank] as number;
      const end = offsets[rank + 1] as number;
      if (end === start) continue;
      if (end - start === 1 && this.byteRanks[bytes[start] as number] === -1) this.byteRanks[bytes[start] as number] = rank;
      if (end - start === 2) {
        const pair = ((bytes[start] as number) << 8) | (bytes[start + 1] as number);
        if (this.bytePairRanks[pair] === -1) this.bytePairRanks[pair] = rank;
      }
      const hash = hashBytes(bytes, start, end);
      const bit = hash >>> this.filterShift;
      this.filter[bit >>> 5] = (this.filter[bit >>> 5] as number) | (1 << (bit & 31));
      let slot = hash & this.mask;
      // First rank wins for duplicate byte strings, as in tiktoken's decoder-free rank map.
      let duplicate = false;
      while (this.slots[4 * slot] !== -1) {
        if (this.equals(this.slots[4 * slot] as number, bytes, start, end)) {
          duplicate = true;
          break;
        }
        slot = (slot + 1) & this.mask;
      }
      if (!duplicate) {
        this.slots[4 * slot] = rank;
        this.slots[4 * slot + 1] = start;
        this.slots[4 * slot + 2] = end - start;
      }
    }
  }

  /** Rank of `buffer[start, end)`, or -1 when it is not a token. */
  lookup(buffer: Uint8Array, start: number, end: number): number {
    if (end - start === 1) return this.byteRanks[buffer[start] as number] as number;
    if (end - start === 2) return this.bytePairRanks[((buffer[start] as number) << 8) | (buffer[start + 1] as number)] as number;
    return this.lookupHashed(buffer, start, end, hashBytes(buffer, start, end));
  }

  /** {@link lookup} with the bytes' {@link hashBytes} already known (callers reuse it for other tables). */
  lookupHashed(buffer: Uint8Array, start: number, end: number, hash: number): number {
    const bit = hash >>> this.filterShift;
    if (((this.filter[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return -1;
    const len = end - start;
    const slots = this.slots;
    const bytes = this.bytes;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const at = slot << 2;
      const rank = slots[at] as number;
      if (rank === -1) return -1;
      if (slots[at + 2] === len) {
        const o = slots[at + 1] as number;
        let k = 0;
        while (k < len && bytes[o + k] === buffer[start + k]) k++;
        if (k === len) return rank;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Rank of the concatenation of tokens `left` and `right`, whose bytes are `buffer[start, end)`,
   * or -1. Same answer as `lookup(buffer, start, end)`, memoised by the pair of ranks.
   */
  pairRank(left: number, right: number, buffer: Uint8Array, start: number, end: number): number {
    const memo = this.pairMemo;
    const at = ((Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca77)) >>> PAIR_SHIFT) << 2;
    if (memo[at] === left && memo[at + 1] === right) return memo[at + 2] as number;
    const rank = this.lookup(buffer, start, end);
    memo[at] = left;
    memo[at + 1] = right;
    memo[at + 2] = rank;
    return rank;
  }

  private equals(rank: number, buffer: Uint8Array, start: number, end: number): boolean {
    const o = this.offsets[rank] as number;
    const len = end - start;
    if ((this.offsets[rank + 1] as number) - o !== len) return false;
    for (let k = 0; k < len; k++) if (this.bytes[o + k] !== buffer[start + k]) return false;
    return true;
  }
}

const PAIR_BITS = 14;
const PAIR_SLOTS = 1 << PAIR_BITS;
const PAIR_SHIFT = 32 - PAIR_BITS;

/** FNV-1a of `buffer[start, end)`, finalised; the key of every byte-sequence table in this package. */
export function hashBytes(buffer: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (buffer[i] as number), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}
