/** A typed array that grows at the end and drops from the front, addressed by absolute position. */
export interface GrowableBuffer<T extends Float32Array | Int32Array> {
  /** Absolute position of the first value held. */
  readonly start: number;
  /** Absolute position after the last value held. */
  readonly end: number;
  append(values: T): void;
  /** Values `[from, to)` (absolute, within what is held), as a copy. */
  slice(from: number, to: number): T;
  /** Forgets everything before absolute position `position`. */
  dropBefore(position: number): void;
}

/**
 * A growable buffer of samples or codes for the streaming windows: memory stays at what the next window
 * needs (the buffer doubles when a chunk does not fit, and dropped values are reused).
 */
export function createGrowableBuffer<T extends Float32Array | Int32Array>(make: (length: number) => T): GrowableBuffer<T> {
  let data = make(1024);
  let start = 0;
  let held = 0;
  return {
    get start() {
      return start;
    },
    get end() {
      return start + held;
    },
    append(values) {
      if (held + values.length > data.length) {
        const grown = make(Math.max(2 * data.length, held + values.length));
        grown.set(data.subarray(0, held));
        data = grown;
      }
      data.set(values, held);
      held += values.length;
    },
    slice(from, to) {
      return data.slice(from - start, to - start) as T;
    },
    dropBefore(position) {
      const drop = Math.min(Math.max(0, position - start), held);
      if (drop === 0) return;
      data.copyWithin(0, drop, held);
      start += drop;
      held -= drop;
    },
  };
}
