/**
 * Incremental decoding for a tokenizer.json tokenizer, as Hugging Face's `DecodeStream` does it:
 * decode a small window of recent ids with and without the new id and emit the difference once it
 * no longer ends in U+FFFD (an incomplete character). Decoders that look at context (byte fallback,
 * Metaspace's leading-space strip) see the same window as a full decode would, so the concatenated
 * output equals `decode(allIds)`.
 */
export class HfDecodeStream {
  private readonly decode: (ids: number[]) => string;
  private ids: number[] = [];
  private prefix = '';
  private prefixIndex = 0;

  /** @internal Made by `HfTokenizer.createDecodeStream()`. */
  constructor(decode: (ids: number[]) => string) {
    this.decode = decode;
  }

  /** Adds one id; returns the text it completes (possibly empty). */
  write(id: number): string {
    this.ids.push(id);
    const text = this.decode(this.ids);
    if (text.length <= this.prefix.length || text.endsWith('\ufffd')) return '';
    const added = text.slice(this.prefix.length);
    // Keep only the ids after the old prefix as the new context window.
    this.ids = this.ids.slice(this.prefixIndex);
    this.prefix = this.decode(this.ids);
    this.prefixIndex = this.ids.length;
    return added;
  }

  /** Ends the stream: whatever is still held (an incomplete character comes out as U+FFFD). */
  end(): string {
    const text = this.decode(this.ids);
    const rest = text.length > this.prefix.length ? text.slice(this.prefix.length) : '';
    this.ids = [];
    this.prefix = '';
    this.prefixIndex = 0;
    return rest;
  }
}
