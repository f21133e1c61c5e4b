/**
 * Character → id of the vocabulary's single-character tokens, for character-level (SentencePiece-style)
 * BPE, which starts every word from its characters: a typed-array lookup per character instead of a
 * string built and hashed into the token → id map.
 */
export class CharIds {
  /** `[code point, id]` per single-character token: what a compiled tokenizer stores. */
  readonly pairs: Int32Array;
  /** Id by UTF-16 unit for characters of the Basic Multilingual Plane, -1 where the vocabulary has none. */
  private readonly basic = new Int32Array(0x10000).fill(-1);
  private readonly astral = new Map<number, number>();

  /** From `[code point, id]` pairs; of two ids for one character the first listed wins. */
  constructor(pairs: Int32Array) {
    this.pairs = pairs;
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const cp = pairs[i] as number;
      const id = pairs[i + 1] as number;
      if (cp >= 0 && cp < 0x10000) {
        if (this.basic[cp] === -1) this.basic[cp] = id;
      } else if (!this.astral.has(cp)) this.astral.set(cp, id);
    }
  }

  /**
   * Finds the single-character tokens among ids `[0, slots)`; the first id of a token wins.
   *
   * @param tokenLength an id's token length in UTF-16 units, -1 where the id has none (read first, so that
   *   only tokens of one or two units are made into strings)
   * @param tokenAt an id's token
   */
  static fromTokens(slots: number, tokenLength: (id: number) => number, tokenAt: (id: number) => string | undefined): CharIds {
    const pairs: number[] = [];
    for (let id = 0; id < slots; id++) {
      const length = tokenLength(id);
      if (length !== 1 && length !== 2) continue;
      const cp = (tokenAt(id) as string).codePointAt(0) as number;
      // One code point: one unit, or a surrogate pair.
      if (length === 1 || cp > 0xffff) pairs.push(cp, id);
    }
    return new CharIds(Int32Array.from(pairs));
  }

  /** The id of the token that is exactly the character `codePoint`, or -1. */
  get(codePoint: number): number {
    return codePoint < 0x10000 ? (this.basic[codePoint] as number) : (this.astral.get(codePoint) ?? -1);
  }
}
