import { InvalidUtf8Error, UnknownTokenIdError } from '../errors/index.js';
import { findInvalidUtf8 } from '../bytes/index.js';
import type { FlatVocabulary } from '../vocabulary/index.js';

/** How `decode` treats bytes that are not valid UTF-8: replace with U+FFFD (tiktoken's default) or throw. */
export type Utf8ErrorMode = 'replace' | 'strict';

/** Id → bytes for ordinary ranks and special tokens together, as one flat byte array plus offsets. */
export class TokenDecoder {
  private readonly bytes: Uint8Array;
  private readonly offsets: Uint32Array;
  /** One past the largest id. */
  readonly size: number;
  /** Number of ids that decode to something. */
  readonly vocabularySize: number;
  private readonly replacing = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private scratch = new Uint8Array(4096);

  constructor(vocabulary: FlatVocabulary, specialTokens: ReadonlyMap<string, number>) {
    const ranks = vocabulary.offsets.length - 1;
    let size = ranks;
    for (const id of specialTokens.values()) size = Math.max(size, id + 1);
    const encoder = new TextEncoder();
    const specials = new Map<number, Uint8Array>();
    let extra = 0;
    for (const [literal, id] of specialTokens) {
      const encoded = encoder.encode(literal);
      specials.set(id, encoded);
      extra += encoded.length;
    }
    const base = vocabulary.offsets[ranks] as number;
    this.bytes = new Uint8Array(base + extra);
    this.offsets = new Uint32Array(size + 1);
    // Special tokens usually follow the ranks (or hold a rank's own bytes, as tokenizer.json vocabularies
    // list them): the ranks' bytes and offsets are copied whole. One in a gap of the ranks (an unused id
    // below the largest rank) needs its bytes between theirs, so every token is laid out in id order
    // then (a fuzzed file once decoded such a special as a rank's bytes plus its own).
    const isGap = (id: number) => id < ranks && vocabulary.offsets[id + 1] === vocabulary.offsets[id];
    const inGap = [...specials.keys()].some(isGap);
    if (!inGap) {
      this.bytes.set(vocabulary.bytes.subarray(0, base));
      this.offsets.set(vocabulary.offsets);
    }
    let o = inGap ? 0 : base;
    let count = 0;
    for (let id = 0; id < size; id++) {
      const special = specials.get(id);
      if (special !== undefined && (id >= ranks || isGap(id))) {
        this.bytes.set(special, o);
        o += special.length;
        this.offsets[id + 1] = o;
      } else if (inGap && id < ranks) {
        const start = vocabulary.offsets[id] as number;
        const end = vocabulary.offsets[id + 1] as number;
        this.bytes.set(vocabulary.bytes.subarray(start, end), o);
        o += end - start;
        this.offsets[id + 1] = o;
      } else if (id >= ranks) this.offsets[id + 1] = o;
      if ((this.offsets[id + 1] as number) > (this.offsets[id] as number)) count++;
    }
    this.size = size;
    this.vocabularySize = count;
  }

  /** Byte length of id `id` (0 for ids that are not tokens). */
  byteLength(id: number): number {
    return id >= 0 && id < this.size ? (this.offsets[id + 1] as number) - (this.offsets[id] as number) : 0;
  }

  /** The bytes of `ids` concatenated; throws {@link UnknownTokenIdError} for an id that is not a token. */
  decodeBytes(ids: ArrayLike<number>): Uint8Array {
    return this.decodeInto(ids).slice();
  }

  /**
   * Concatenates the bytes of `ids` into a scratch buffer reused across calls (one pass: check and
   * copy together) and returns a view of it, valid until the next call.
   */
  private decodeInto(ids: ArrayLike<number>): Uint8Array {
    const offsets = this.offsets;
    const size = this.size;
    const bytes = this.bytes;
    let out = this.scratch;
    let o = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      const start = offsets[id] as number;
      const end = offsets[id + 1] as number;
      // `id >>> 0 === id` rejects negatives, fractions and NaN before they index anything.
      if (id >>> 0 !== id || id >= size || end === start) throw new UnknownTokenIdError({ id, position: i, vocabularySize: this.vocabularySize });
      if (o + end - start > out.length) {
        const grown = new Uint8Array(Math.max(2 * out.length, o + end - start + (ids.length - i) * 8));
        grown.set(out.subarray(0, o));
        out = this.scratch = grown;
      }
      for (let k = start; k < end; k++) out[o++] = bytes[k] as number;
    }
    return out.subarray(0, o);
  }

  /** Decodes `ids` to text; invalid UTF-8 becomes U+FFFD or, with `'strict'`, an {@link InvalidUtf8Error}. */
  decode(ids: ArrayLike<number>, errors: Utf8ErrorMode = 'replace'): string {
    const bytes = this.decodeInto(ids);
    if (errors === 'replace') return this.replacing.decode(bytes);
    try {
      return this.fatal.decode(bytes);
    } catch (cause) {
      throw new InvalidUtf8Error({ byteOffset: Math.max(0, findInvalidUtf8(bytes)), cause });
    }
  }
}
