/**
 * (left id, right id) → (merge priority, merged id), as `Int32Array` open addressing: Hugging Face
 * BPE applies the merge with the lowest priority (its line in `merges`) first.
 */
export class PairTable {
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly priority: Int32Array;
  private readonly merged: Int32Array;
  private readonly mask: number;

  constructor(capacityHint: number) {
    let capacity = 1024;
    while (capacity < capacityHint * 2) capacity <<= 1;
    this.left = new Int32Array(capacity).fill(-1);
    this.right = new Int32Array(capacity);
    this.priority = new Int32Array(capacity);
    this.merged = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  private slotOf(a: number, b: number): number {
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) >>> 0;
    slot = (slot ^ (slot >>> 16)) & this.mask;
    while (this.left[slot] !== -1 && (this.left[slot] !== a || this.right[slot] !== b)) slot = (slot + 1) & this.mask;
    return slot;
  }

  /** Adds a merge unless the pair already has one (the earlier line wins, as in Hugging Face). */
  add(a: number, b: number, priority: number, merged: number): void {
    const slot = this.slotOf(a, b);
    if (this.left[slot] !== -1) return;
    this.left[slot] = a;
    this.right[slot] = b;
    this.priority[slot] = priority;
    this.merged[slot] = merged;
  }

  /** Slot of the pair's merge, or -1; read it with {@link priorityAt} and {@link mergedAt}. */
  find(a: number, b: number): number {
    const slot = this.slotOf(a, b);
    return this.left[slot] === -1 ? -1 : slot;
  }

  priorityAt(slot: number): number {
    return this.priority[slot] as number;
  }

  mergedAt(slot: number): number {
    return this.merged[slot] as number;
  }
}
