/** An append-only Int32Array that doubles when full; `length` is the used part. */
export class GrowBuffer {
  data: Int32Array;
  length = 0;

  constructor(capacity = 256) {
    this.data = new Int32Array(capacity);
  }

  /** Makes room for `extra` more values. */
  ensure(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.data.length) return;
    let capacity = this.data.length * 2;
    while (capacity < needed) capacity *= 2;
    const next = new Int32Array(capacity);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  push(value: number): void {
    if (this.length === this.data.length) this.ensure(1);
    this.data[this.length++] = value;
  }

  /** A copy of the used part. */
  take(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
