/**
 * An append-only Int32Array for one segment at a time; `data[start..length)` is the current
 * segment. In copy mode (streaming) `take()` copies the segment out and starts over; in arena mode
 * (batch parse, sized to the input, which bounds every segment's total) `take()` returns a view and
 * the next segment starts after it, so a whole parse makes one allocation for all codes.
 */
export class GrowBuffer {
  data: Int32Array;
  start = 0;
  length = 0;
  private readonly arena: boolean;

  constructor(capacity = 256, arena = false) {
    this.data = new Int32Array(Math.max(1, capacity));
    this.arena = arena;
  }

  /** Makes room for `extra` more values. */
  ensure(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.data.length) return;
    let capacity = this.data.length * 2;
    while (capacity < needed) capacity *= 2;
    const next = new Int32Array(capacity);
    // Earlier views keep the old buffer, whose data stays valid: it is never written again.
    next.set(this.data.subarray(this.start, this.length), this.start);
    this.data = next;
  }

  push(value: number): void {
    if (this.length === this.data.length) this.ensure(1);
    this.data[this.length++] = value;
  }

  /** Drops the current segment's values. */
  reset(): void {
    this.length = this.start;
  }

  /** Number of values in the current segment. */
  get size(): number {
    return this.length - this.start;
  }

  /** Keeps only the first `count` values of the current segment. */
  truncate(count: number): void {
    this.length = this.start + count;
  }

  /** The current segment's values (a copy, or a view in arena mode); the next segment starts empty. */
  take(): Int32Array {
    if (this.arena) {
      const view = this.data.subarray(this.start, this.length);
      this.start = this.length;
      return view;
    }
    const copy = this.data.slice(this.start, this.length);
    this.start = 0;
    this.length = 0;
    return copy;
  }
}
