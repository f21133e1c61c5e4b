/**
 * (left id, right id) → merge line, over a merge list of `[left, right, merged]` id triples in priority
 * order: Hugging Face BPE applies the merge with the lowest priority (its line in `merges`) first.
 *
 * Open addressing over one `Int32Array`: a slot holds its merge line (+1; 0 is empty) in the low bits and
 * a tag of the pair's hash in the bits above, and the keys themselves are read from the merge list. 4 bytes
 * a slot rather than 16, because fresh memory is what building the table costs (Gemma 3's 515k merges:
 * 4 MiB, not 16); the tag lets a probe pass a slot of another pair without reading that pair's merge line,
 * a cache miss in a table this size — most lookups of a merge are for pairs that have none.
 */
export class PairTable {
  private readonly merges: Int32Array;
  /** The table itself (a power-of-two length), which a compiled tokenizer stores to skip building it. */
  readonly slots: Int32Array;
  private readonly mask: number;
  /** Bits of a slot that hold the line + 1 (the rest, below the sign bit, hold the tag). */
  private readonly lineBits: number;
  private readonly lineMask: number;
  private readonly tagShift: number;

  /**
   * Indexes `merges`; of two lines with the same pair the earlier wins, as in Hugging Face.
   *
   * @param slots the table of an earlier `PairTable` over the same merges (its {@link slots}), to use
   *   instead of building one; check it with {@link PairTable.checkSlots} first unless it came from here
   */
  constructor(merges: Int32Array, slots?: Int32Array) {
    this.merges = merges;
    const count = Math.floor(merges.length / 3);
    this.lineBits = lineBitsFor(count);
    this.lineMask = 2 ** this.lineBits - 1;
    // The tag is the hash's top bits, 31 − lineBits of them (none when the lines need all 31).
    this.tagShift = this.lineBits + 1;
    if (slots !== undefined) {
      this.slots = slots;
      this.mask = slots.length - 1;
      return;
    }
    let capacity = 1024;
    while (capacity < count * 2) capacity <<= 1;
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let line = 0; line < count; line++) {
      const a = merges[3 * line] as number;
      const b = merges[3 * line + 1] as number;
      if (this.find(a, b) >= 0) continue;
      const hash = pairHash(a, b);
      let slot = (hash ^ (hash >>> 16)) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = this.tagOf(hash) * (this.lineMask + 1) + line + 1;
    }
  }

  /**
   * Why stored `slots` cannot serve a table over `lines` merges (a lookup could loop or read past the
   * merges), or null when they can.
   */
  static checkSlots(slots: Int32Array, lines: number): string | null {
    if (slots.length < 2 || (slots.length & (slots.length - 1)) !== 0) return 'merge-table slots of a power-of-two count';
    const lineMask = 2 ** lineBitsFor(lines) - 1;
    let used = 0;
    for (let i = 0; i < slots.length; i++) {
      const value = slots[i] as number;
      if (value === 0) continue;
      const line = value & lineMask;
      if (value < 0 || line === 0 || line > lines) return `merge-table slots holding merge lines up to ${lines}`;
      used++;
    }
    return used > lines || used === slots.length ? 'merge-table slots with one line per merge at most and empty slots left' : null;
  }

  private tagOf(hash: number): number {
    return this.tagShift >= 32 ? 0 : Math.imul(hash, 0x27d4eb2d) >>> this.tagShift;
  }

  /** The line of the pair's merge, or -1; read it with {@link priorityAt} and {@link mergedAt}. */
  find(a: number, b: number): number {
    const slots = this.slots;
    const hash = pairHash(a, b);
    const tag = this.tagOf(hash);
    const lineBits = this.lineBits;
    const lineMask = this.lineMask;
    for (let slot = (hash ^ (hash >>> 16)) & this.mask; ; slot = (slot + 1) & this.mask) {
      const value = slots[slot] as number;
      if (value === 0) return -1;
      if (value >>> lineBits !== tag) continue;
      const line = (value & lineMask) - 1;
      if (this.merges[3 * line] === a && this.merges[3 * line + 1] === b) return line;
    }
  }

  /** The merge priority of a line {@link find} gave (the line itself). */
  priorityAt(line: number): number {
    return line;
  }

  /** The merged id of a line {@link find} gave. */
  mergedAt(line: number): number {
    return this.merges[3 * line + 2] as number;
  }
}

/** Bits that hold a line + 1 of `count` lines (one spare value, so an all-ones field is never a line). */
function lineBitsFor(count: number): number {
  return 32 - Math.clz32(count + 1);
}

function pairHash(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) >>> 0;
}
