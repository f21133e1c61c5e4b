/**
 * The engine's output: token ids in a growable `Int32Array`, reused from one encode to the next.
 * Building a `number[]` by `push` costs far more per id than the BPE that found it once texts run to
 * thousands of tokens (V8 regrows and copies the array, then collects the copies); ids written here
 * become one exactly-sized array at the end ({@link IdBuffer.toArray}).
 */
export class IdBuffer {
  /** The ids, `data[0, length)`. */
  data = new Int32Array(1024);
  /** Number of ids held. */
  length = 0;

  /** Appends one id. */
  push(id: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = id;
  }

  /** Makes room for `count` more ids, so that a caller may write `data[length, length + count)` directly. */
  reserve(count: number): void {
    if (this.length + count > this.data.length) this.grow(this.length + count);
  }

  /** `data[from, length)` as a new array. */
  toArray(from = 0): number[] {
    const count = this.length - from;
    const data = this.data;
    const out = new Array<number>(count);
    for (let i = 0; i < count; i++) out[i] = data[from + i] as number;
    return out;
  }

  /** Empties the buffer, and gives back its memory if one huge text grew it past `keep` ids. */
  reset(keep = 1 << 20): void {
    this.length = 0;
    if (this.data.length > keep) this.data = new Int32Array(1024);
  }

  private grow(size: number): void {
    const grown = new Int32Array(Math.max(size, 2 * this.data.length));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }
}
