import type { TokenDecoder } from './token-decoder.js';

/**
 * Incremental decoder for generated ids. Tokens often end inside a UTF-8 sequence (emoji, CJK);
 * the incomplete tail is held here — in this object, not in shared state — until the next ids
 * complete it, so every returned string is final and concatenating them equals `decode(allIds)`.
 */
export class DecodeStream {
  private readonly decoder: TokenDecoder;
  private readonly utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

  /** @internal Made by `Encoding.createDecodeStream()`. */
  constructor(decoder: TokenDecoder) {
    this.decoder = decoder;
  }

  /** Adds one id or several; returns the text they complete (possibly empty). */
  write(ids: number | ArrayLike<number>): string {
    const list = typeof ids === 'number' ? [ids] : ids;
    return this.utf8.decode(this.decoder.decodeBytes(list), { stream: true });
  }

  /** Ends the stream: a dangling partial sequence becomes U+FFFD. The stream can then be reused. */
  end(): string {
    return this.utf8.decode();
  }
}
