import { InvalidArgumentError } from '@jointok/core';

/**
 * "Byte text": bytes written as printable ASCII so that a JavaScript module can embed binary data
 * in a plain string literal that bundlers keep verbatim (no `\x` escapes) and gzip compresses well.
 * Every byte maps to a fixed symbol, so repeats in the bytes stay repeats in the text (unlike base64,
 * whose 3-to-4 regrouping hides them from gzip).
 *
 * The 91 characters of {@link BYTE_TEXT_ALPHABET} are single symbols; `~` and `` ` `` each prefix a
 * second plane of 91. The text starts with `JTX1` and a key of 512 hex digits: the byte value of
 * symbol 0..255 (singles, then `~` plane, then `` ` `` plane), so the encoder can give the most
 * frequent bytes the one-character symbols.
 */
export const BYTE_TEXT_ALPHABET = (() => {
  let alphabet = '';
  for (let c = 0x20; c < 0x7f; c++) if (c !== 0x22 && c !== 0x5c && c !== 0x7e && c !== 0x60) alphabet += String.fromCharCode(c);
  return alphabet;
})();
const PLANE = BYTE_TEXT_ALPHABET.length;
const MAGIC = 'JTX1';

/** Encodes bytes as byte text, the most frequent byte values getting one-character symbols. */
export function encodeByteText(bytes: Uint8Array): string {
  const counts = new Float64Array(256);
  for (let i = 0; i < bytes.length; i++) counts[bytes[i] as number]!++;
  // Most frequent first; ties by byte value so the output is deterministic.
  const order = Array.from({ length: 256 }, (_, b) => b).sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
  const symbols = new Array<string>(256);
  order.forEach((byte, i) => {
    const plane = Math.floor(i / PLANE);
    symbols[byte] = (plane === 0 ? '' : plane === 1 ? '~' : '`') + BYTE_TEXT_ALPHABET[i % PLANE];
  });
  const parts: string[] = [MAGIC, order.map((b) => b.toString(16).padStart(2, '0')).join('')];
  for (let i = 0; i < bytes.length; i++) parts.push(symbols[bytes[i] as number] as string);
  return parts.join('');
}

/** Decodes byte text written by {@link encodeByteText}. */
export function decodeByteText(text: string, argument = 'byte text'): Uint8Array {
  if (!text.startsWith(MAGIC) || text.length < MAGIC.length + 512) {
    throw new InvalidArgumentError({ argument, expected: `text starting with "${MAGIC}" and a 512-digit key`, received: text.slice(0, 8) });
  }
  const index = new Int16Array(128).fill(-1);
  for (let i = 0; i < PLANE; i++) index[BYTE_TEXT_ALPHABET.charCodeAt(i)] = i;
  const key = new Uint8Array(256);
  for (let i = 0; i < 256; i++) key[i] = parseInt(text.slice(MAGIC.length + 2 * i, MAGIC.length + 2 * i + 2), 16);
  const out = new Uint8Array(text.length - MAGIC.length - 512);
  let o = 0;
  for (let i = MAGIC.length + 512; i < text.length; i++) {
    let c = text.charCodeAt(i);
    let plane = 0;
    if (c === 0x7e || c === 0x60) {
      plane = c === 0x7e ? PLANE : 2 * PLANE;
      c = text.charCodeAt(++i);
    }
    const symbol = c < 128 ? (index[c] as number) : -1;
    if (symbol < 0 || plane + symbol > 255) throw new InvalidArgumentError({ argument, expected: 'byte-text symbols', received: `${text[i] ?? 'end of text'} at ${i}` });
    out[o++] = key[plane + symbol] as number;
  }
  return out.subarray(0, o);
}
