/**
 * Incremental encoder for text that arrives in chunks (a socket, an LLM's output). `write` returns
 * only ids that no later text can change; `end` returns the rest, so the concatenation equals
 * `encodeOrdinary(allText)`.
 *
 * The stable prefix ends at the last boundary the o200k/cl100k pre-tokenizers decide from the text
 * before it plus one character: after a newline followed by a character that is neither White_Space
 * nor `/` (no pre-token can extend across it), or after a letter followed by a space (the word piece
 * ends there and no earlier piece reads further). Encodings with other patterns hold everything
 * until `end`.
 */
export class EncodeStream {
  private buffer = '';
  private readonly encode: (text: string) => number[];
  private readonly incremental: boolean;

  /** @internal Made by `Encoding.createEncodeStream()`. */
  constructor(encode: (text: string) => number[], incremental: boolean) {
    this.encode = encode;
    this.incremental = incremental;
  }

  /** Adds a chunk; returns the ids that are now final (possibly none). */
  write(chunk: string): number[] {
    this.buffer += chunk;
    if (!this.incremental) return [];
    const cut = stableBoundary(this.buffer);
    if (cut <= 0) return [];
    const ids = this.encode(this.buffer.slice(0, cut));
    this.buffer = this.buffer.slice(cut);
    return ids;
  }

  /** Ends the stream: the ids of the text still held. The stream can then be reused. */
  end(): number[] {
    const ids = this.buffer.length > 0 ? this.encode(this.buffer) : [];
    this.buffer = '';
    return ids;
  }
}

const LETTER = /\p{L}/u;
const WHITE_SPACE = /[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;

/** The last stable boundary of `text` (see {@link EncodeStream}), or 0. */
export function stableBoundary(text: string): number {
  for (let p = text.length - 1; p > 0; p--) {
    const before = text.charCodeAt(p - 1);
    const at = text[p] as string;
    if (before === 0x0a && at !== '/' && !WHITE_SPACE.test(at)) return p;
    if (at === ' ' && before < 0xd800 && LETTER.test(text[p - 1] as string)) return p;
  }
  return 0;
}
