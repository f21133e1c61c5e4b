/** Per-token positions in the encoded text. Token `i` covers `[start[i], end[i])`. */
export interface TokenOffsets {
  /** The ids, as `encode` returns them. */
  ids: number[];
  /** Start of each token in the text's UTF-8 bytes. */
  byteStart: Uint32Array;
  /** End (exclusive) of each token in the text's UTF-8 bytes. */
  byteEnd: Uint32Array;
  /**
   * Start of each token in UTF-16 code units of the text: the index of the character that holds
   * the token's first byte (a token that begins inside a multi-byte character points at that character).
   */
  charStart: Uint32Array;
  /** End (exclusive) in UTF-16 code units: just past the character that holds the token's last byte. */
  charEnd: Uint32Array;
}

/**
 * Maps token byte spans to UTF-16 spans in one pass over the text. This works for any encoding
 * whose tokens' bytes concatenate to the text's UTF-8 (lone surrogates counting as U+FFFD), which
 * byte-level BPE guarantees.
 */
export function computeOffsets(text: string, ids: number[], byteLength: (id: number) => number): TokenOffsets {
  const n = ids.length;
  const byteStart = new Uint32Array(n);
  const byteEnd = new Uint32Array(n);
  const charStart = new Uint32Array(n);
  const charEnd = new Uint32Array(n);
  let bytePos = 0;
  for (let i = 0; i < n; i++) {
    byteStart[i] = bytePos;
    bytePos += byteLength(ids[i] as number);
    byteEnd[i] = bytePos;
  }
  // Walk characters: [charAt, charAt + units) covers bytes [charByte, charByte + len).
  let charAt = 0;
  let charByte = 0;
  let units = 0;
  let len = 0;
  const step = (): void => {
    charAt += units;
    charByte += len;
    const c = text.charCodeAt(charAt);
    const next = text.charCodeAt(charAt + 1);
    if (c < 0x80) [units, len] = [1, 1];
    else if (c < 0x800) [units, len] = [1, 2];
    else if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) [units, len] = [2, 4];
    else [units, len] = [1, 3];
  };
  step();
  for (let i = 0; i < n; i++) {
    const start = byteStart[i] as number;
    while (charByte + len <= start && charAt < text.length) step();
    charStart[i] = charAt;
    const last = (byteEnd[i] as number) - 1;
    while (charByte + len <= last && charAt < text.length) step();
    charEnd[i] = Math.min(text.length, charAt + units);
  }
  return { ids, byteStart, byteEnd, charStart, charEnd };
}
