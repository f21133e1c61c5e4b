/**
 * GPT-2's reversible byte ↔ character map, which byte-level BPE vocabularies (GPT-2, Llama 3, Qwen,
 * GPT-4o's tokenizer.json) are written in: printable Latin-1 bytes map to themselves, the other 68
 * bytes to U+0100 onwards, in byte order.
 */
export const BYTE_TO_CHAR: readonly string[] = (() => {
  const chars = new Array<string>(256);
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
    chars[b] = String.fromCharCode(printable ? b : 0x100 + extra++);
  }
  return chars;
})();

/** Inverse of {@link BYTE_TO_CHAR}: UTF-16 unit → byte, -1 for characters outside the alphabet. */
export const CHAR_TO_BYTE: Int16Array = (() => {
  const map = new Int16Array(0x200).fill(-1);
  BYTE_TO_CHAR.forEach((ch, b) => (map[ch.charCodeAt(0)] = b));
  return map;
})();

/** The bytes a byte-level token string stands for, or null when it uses characters outside the alphabet. */
export function byteLevelToBytes(token: string): Uint8Array | null {
  const out = new Uint8Array(token.length);
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    const b = c < 0x200 ? (CHAR_TO_BYTE[c] as number) : -1;
    if (b < 0) return null;
    out[i] = b;
  }
  return out;
}
