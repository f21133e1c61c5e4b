/** A growing Int32Array for codes whose count is known only at the end of a stream. */
export class CodesBuffer {
  private data = new Int32Array(1024);
  private used = 0;

  /** Appends codes. */
  push(codes: Int32Array): void {
    if (this.used + codes.length > this.data.length) {
      const grown = new Int32Array(Math.max(this.data.length * 2, this.used + codes.length));
      grown.set(this.data.subarray(0, this.used));
      this.data = grown;
    }
    this.data.set(codes, this.used);
    this.used += codes.length;
  }

  /** The codes so far, trimmed. */
  toArray(): Int32Array {
    return this.data.slice(0, this.used);
  }
}
