/**
 * (left id, right id) → merge line, over a merge list of `[left, right, merged]` id triples in priority
 * order: Hugging Face BPE applies the merge with the lowest priority (its line in `merges`) first.
 * Open addressing over one `Int32Array` of line numbers (+1; 0 is empty), whose keys are read from the
 * merge list itself: 4 bytes a slot rather than 16, because fresh memory is what building the table
 * costs (Gemma 3's 515k merges: 4 MiB, not 16).
 */
export class PairTable {
  private readonly merges: Int32Array;
  /** The table itself (a power-of-two length), which a compiled tokenizer stores to skip building it. */
  readonly slots: Int32Array;
  private readonly mask: number;

  /**
   * Indexes `merges`; of two lines with the same pair the earlier wins, as in Hugging Face.
   *
   * @param slots the table of an earlier `PairTable` over the same merges (its {@link slots}), to use
   *   instead of building one; the caller vouches that it is
   */
  constructor(merges: Int32Array, slots?: Int32Array) {
    this.merges = merges;
    const count = Math.floor(merges.length / 3);
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
      const slot = this.slotOf(merges[3 * line] as number, merges[3 * line + 1] as number);
      if (this.slots[slot] === 0) this.slots[slot] = line + 1;
    }
  }

  /** The pair's slot, or the empty slot where it would go. */
  private slotOf(a: number, b: number): number {
    const slots = this.slots;
    const merges = this.merges;
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) >>> 0;
    slot = (slot ^ (slot >>> 16)) & this.mask;
    for (;;) {
      const line = (slots[slot] as number) - 1;
      if (line < 0 || (merges[3 * line] === a && merges[3 * line + 1] === b)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The line of the pair's merge, or -1; read it with {@link priorityAt} and {@link mergedAt}. */
  find(a: number, b: number): number {
    return (this.slots[this.slotOf(a, b)] as number) - 1;
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
