import type { AlignedText } from './aligned-text.js';

/**
 * Finds the pre-tokenizer's pieces, in order, in the normalized text they came from, and gives each
 * unit of a piece its original span. Pre-tokenizers only split, drop delimiters (`Removed`), insert a
 * prefix (ByteLevel's space, Metaspace's replacement; it takes the next character's span, as Hugging
 * Face's prepend does) and write spaces as Metaspace's replacement, so a piece is the text at some
 * position at or after the previous piece, maybe behind one such prefix.
 */
export class PieceLocator {
  private cursor = 0;

  constructor(
    private readonly source: AlignedText,
    private readonly prefixes: readonly string[],
    private readonly spaceReplacement: string | null,
  ) {}

  /** The original spans of `piece`'s units; `null` when the piece cannot be placed. */
  locate(piece: string): { start: number[]; end: number[] } | null {
    const text = this.source.text;
    for (let pos = this.cursor; pos < text.length; pos++) {
      for (const skip of [0, ...this.prefixes.filter((p) => piece.startsWith(p) && p.length < piece.length).map((p) => p.length)]) {
        if (!this.matches(piece, skip, pos)) continue;
        const length = piece.length - skip;
        const start: number[] = [];
        const end: number[] = [];
        for (let j = 0; j < piece.length; j++) {
          const at = pos + Math.max(0, j - skip);
          start.push(this.source.start[at] as number);
          end.push(this.source.end[at] as number);
        }
        this.cursor = pos + length;
        return { start, end };
      }
    }
    return null;
  }

  private matches(piece: string, skip: number, pos: number): boolean {
    const text = this.source.text;
    if (pos + piece.length - skip > text.length) return false;
    for (let j = skip; j < piece.length; j++) {
      const a = piece[j];
      const b = text[pos + j - skip];
      if (a !== b && !(a === this.spaceReplacement && b === ' ')) return false;
    }
    return true;
  }
}
