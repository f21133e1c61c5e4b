import type { IdBuffer } from './id-buffer.js';

/**
 * Byte-sequence → ids memo for pre-tokens that need merging. Keys are the piece's UTF-8 bytes and
 * their hash (already computed for the rank lookup), so a repeated piece costs one hash and one
 * compare — no substring, no string hashing, no per-entry objects. Cleared when it grows past its
 * limits, which bounds memory on endless input.
 */
export class PieceCache {
  private slots = new Int32Array(1 << 14);
  private mask = (1 << 14) - 1;
  private count = 0;
  // Per entry: hash, byte start, byte length, id start, id length.
  private entries: Int32Array = new Int32Array(5 * 4096);
  private bytes: Uint8Array = new Uint8Array(1 << 16);
  private bytesUsed = 0;
  private ids: Int32Array = new Int32Array(1 << 14);
  private idsUsed = 0;

  constructor(
    private readonly maxEntries = 200_000,
    private readonly maxBytes = 16 << 20,
  ) {}

  /** Appends the cached ids of `buffer[0, length)` to `out` and returns true, or returns false. */
  appendTo(buffer: Uint8Array, length: number, hash: number, out: IdBuffer): boolean {
    const slots = this.slots;
    const entries = this.entries;
    const bytes = this.bytes;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = (slots[slot] as number) - 1;
      if (entry < 0) return false;
      const e = 5 * entry;
      if (entries[e] !== (hash | 0) || entries[e + 2] !== length) continue;
      const start = entries[e + 1] as number;
      let k = 0;
      while (k < length && bytes[start + k] === buffer[k]) k++;
      if (k !== length) continue;
      const ids = this.ids;
      const idStart = entries[e + 3] as number;
      const idCount = entries[e + 4] as number;
      out.reserve(idCount);
      const data = out.data;
      let at = out.length;
      for (let i = idStart; i < idStart + idCount; i++) data[at++] = ids[i] as number;
      out.length = at;
      return true;
    }
  }

  /** Stores `out[from, out.length)` as the ids of `buffer[0, length)`. */
  set(buffer: Uint8Array, length: number, hash: number, out: IdBuffer, from: number): void {
    const idCount = out.length - from;
    if (this.count >= this.maxEntries || this.bytesUsed + length > this.maxBytes) this.clear();
    if (2 * (this.count + 1) > this.slots.length) this.rehash(this.slots.length * 2);
    this.bytes = ensureBytes(this.bytes, this.bytesUsed + length);
    // Element loops, not `set(subarray(...))`: pieces are short, and a subarray is an allocation.
    const bytes = this.bytes;
    for (let i = 0; i < length; i++) bytes[this.bytesUsed + i] = buffer[i] as number;
    this.ids = ensureInts(this.ids, this.idsUsed + idCount);
    const ids = this.ids;
    const data = out.data;
    for (let i = 0; i < idCount; i++) ids[this.idsUsed + i] = data[from + i] as number;
    this.entries = ensureInts(this.entries, 5 * (this.count + 1));
    const e = 5 * this.count;
    this.entries[e] = hash | 0; // Int32Array storage: compare as signed
    this.entries[e + 1] = this.bytesUsed;
    this.entries[e + 2] = length;
    this.entries[e + 3] = this.idsUsed;
    this.entries[e + 4] = idCount;
    this.bytesUsed += length;
    this.idsUsed += idCount;
    this.insertSlot(hash, this.count++);
  }

  /** Forgets everything. */
  clear(): void {
    this.slots.fill(0);
    this.count = 0;
    this.bytesUsed = 0;
    this.idsUsed = 0;
  }

  private insertSlot(hash: number, entry: number): void {
    let slot = hash & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = entry + 1;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let entry = 0; entry < this.count; entry++) this.insertSlot(this.entries[5 * entry] as number, entry);
  }
}

function ensureBytes(array: Uint8Array, size: number): Uint8Array {
  if (array.length >= size) return array;
  const grown = new Uint8Array(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}

function ensureInts(array: Int32Array, size: number): Int32Array {
  if (array.length >= size) return array;
  const grown = new Int32Array(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}
