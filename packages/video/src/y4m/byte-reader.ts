/**
 * Reads a stream of byte chunks as lines and fixed-size blocks, holding at most one block plus one
 * chunk: what a streaming Y4M reader needs.
 */
export interface ByteReader {
  /** Bytes consumed so far. */
  readonly offset: number;
  /** The bytes up to (not including) the next `\n`, consumed with it; `null` at a clean end; `'too-long'` past `maxLength`, `'truncated'` at an end without `\n`. */
  readLine(maxLength: number): Promise<Uint8Array | null | 'too-long' | 'truncated'>;
  /** Fills `target` entirely; returns the number of bytes read (less than its length only at the end). */
  readInto(target: Uint8Array): Promise<number>;
  /** Releases the source. */
  close(): Promise<void>;
}

/** A {@link ByteReader} over any async iterable of byte chunks (a file stream, `Blob.stream()`, one array). */
export function createByteReader(source: AsyncIterable<Uint8Array>): ByteReader {
  const iterator = source[Symbol.asyncIterator]();
  let chunk: Uint8Array = new Uint8Array(0);
  let position = 0;
  let offset = 0;
  let ended = false;

  const fill = async (): Promise<boolean> => {
    while (position >= chunk.length) {
      if (ended) return false;
      const next = await iterator.next();
      if (next.done === true) {
        ended = true;
        return false;
      }
      const value = next.value;
      chunk = value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBufferLike);
      position = 0;
    }
    return true;
  };

  return {
    get offset() {
      return offset;
    },
    async readLine(maxLength) {
      const parts: Uint8Array[] = [];
      let length = 0;
      for (;;) {
        if (!(await fill())) return length === 0 && parts.length === 0 ? null : 'truncated';
        const end = chunk.indexOf(0x0a, position);
        const stop = end < 0 ? chunk.length : end;
        length += stop - position;
        if (length > maxLength) return 'too-long';
        parts.push(chunk.subarray(position, stop));
        offset += stop - position;
        position = stop;
        if (end >= 0) {
          position++;
          offset++;
          if (parts.length === 1) return parts[0]!.slice();
          const line = new Uint8Array(length);
          let at = 0;
          for (const part of parts) {
            line.set(part, at);
            at += part.length;
          }
          return line;
        }
      }
    },
    async readInto(target) {
      let filled = 0;
      while (filled < target.length) {
        if (!(await fill())) break;
        const take = Math.min(target.length - filled, chunk.length - position);
        target.set(chunk.subarray(position, position + take), filled);
        filled += take;
        position += take;
        offset += take;
      }
      return filled;
    },
    async close() {
      ended = true;
      await iterator.return?.();
    },
  };
}
