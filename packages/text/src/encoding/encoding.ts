import { InvalidArgumentError, InvalidSpecError, type ModalityTokenizer } from '@jointok/core';
import { textModalityTokenizer, type TextModalityOptions } from '../modality/text-modality-tokenizer.js';
import type { TextTokenizer } from '../modality/text-tokenizer.js';
import { bytePairEncode } from '../bpe/index.js';
import { encodeUtf8Into } from '../bytes/index.js';
import { classifyText, scannerForPattern, translateRegex, type PieceScanner } from '../pretokenize/index.js';
import { IdBuffer, PieceCache, RankTable, hashBytes, type FlatVocabulary } from '../vocabulary/index.js';
import { checkSpecialTokens } from './check-special-tokens.js';
import { DecodeStream } from './decode-stream.js';
import { EncodeStream } from './encode-stream.js';
import { computeOffsets, type TokenOffsets } from './offsets.js';
import { SpecialTokens, type SpecialTokenPolicy } from './special-tokens.js';
import { TokenDecoder, type Utf8ErrorMode } from './token-decoder.js';

/** What an {@link Encoding} is built from. */
export interface EncodingDefinition {
  /** Name, e.g. `'o200k_base'`. */
  name: string;
  /** Token bytes by rank. */
  vocabulary: FlatVocabulary;
  /** Pre-tokenizer regex in tiktoken's (Rust) syntax; translated to a JavaScript RegExp. */
  pattern: string;
  /** Special-token literal → id. */
  specialTokens: Readonly<Record<string, number>>;
  /**
   * Text the pattern matches no piece of: `'refuse'` (default: an `InvalidSpecError`, since tiktoken would
   * drop it silently) or `'drop'` (a tokenizer.json pre-tokenizer whose `Removed` split discards it by design).
   */
  skippedText?: 'refuse' | 'drop';
}

/** Options of `decode`. */
export interface DecodeOptions {
  /** `'replace'` (default, like tiktoken's Python `decode`) or `'strict'` (throw on invalid UTF-8). */
  errors?: Utf8ErrorMode;
}

/** Pieces cached for repeated text before the cache is cleared: bounds memory on endless input. */
const CACHE_LIMIT = 100_000;

/**
 * A byte-level BPE encoding with tiktoken's exact semantics: regex pre-tokenization, rank-ordered
 * merges, special tokens under an explicit per-call policy. Built by `getEncoding` or `fromTiktoken`.
 */
export class Encoding implements TextTokenizer<SpecialTokenPolicy> {
  /** Encoding name. */
  readonly name: string;
  /** Special-token literal → id. */
  readonly specialTokens: ReadonlyMap<string, number>;
  private readonly table: RankTable;
  private readonly regex: RegExp;
  private readonly refuseSkippedText: boolean;
  private readonly scanner: PieceScanner | undefined;
  private classes = new Uint8Array(1024);
  private readonly pieceCache = new PieceCache();
  private readonly specials: SpecialTokens;
  private decoderTable: TokenDecoder | undefined;
  private readonly vocabulary: FlatVocabulary;
  // Repeated pieces (words recur constantly in real text) skip hashing and merging.
  private readonly cache = new Map<string, number | number[]>();
  private buffer = new Uint8Array(1024);
  // Every encode writes here and copies out once (see IdBuffer); encoding never re-enters.
  private readonly ids = new IdBuffer();

  private get decoder(): TokenDecoder {
    this.decoderTable ??= new TokenDecoder(this.vocabulary, this.specials.ids);
    return this.decoderTable;
  }

  constructor(definition: EncodingDefinition) {
    checkSpecialTokens(definition.vocabulary, definition.specialTokens, definition.name);
    this.name = definition.name;
    this.table = new RankTable(definition.vocabulary.bytes, definition.vocabulary.offsets);
    this.regex = translateRegex(definition.pattern);
    this.refuseSkippedText = definition.skippedText !== 'drop';
    // o200k/cl100k get a hand-written scanner (no match objects, no piece strings); others the regex.
    this.scanner = scannerForPattern(definition.pattern);
    this.specials = new SpecialTokens(definition.specialTokens);
    this.specialTokens = this.specials.ids;
    // The id → bytes table (a copy of the vocabulary's bytes) is built on first decode: an encoder that
    // never decodes, such as the tokenizer.json engine, skips its megabytes.
    this.vocabulary = definition.vocabulary;
  }

  /** Number of ids (one past the largest ordinary or special id). */
  get vocabularySize(): number {
    return this.decoder.size;
  }

  /** Encodes text, treating special-token literals as plain text. Never throws for any string. */
  encodeOrdinary(text: string): number[] {
    const out = this.ids;
    out.length = 0;
    this.encodeOrdinaryInto(checkText(text), out, Infinity);
    return takeIds(out);
  }

  /**
   * Encodes text under a special-token policy (default: every special literal is disallowed and
   * throws `DisallowedSpecialTokenError`, as in tiktoken).
   */
  encode(text: string, options?: SpecialTokenPolicy): number[] {
    const out = this.ids;
    out.length = 0;
    this.encodeInto(checkText(text), options, out, Infinity);
    return takeIds(out);
  }

  /** Number of tokens `encode(text, options)` yields. */
  countTokens(text: string, options?: SpecialTokenPolicy): number {
    return this.encode(text, options).length;
  }

  /**
   * The token count when it is at most `limit`, else `false`. Stops encoding once the limit is
   * passed, so a huge text over the limit costs little.
   */
  isWithinTokenLimit(text: string, limit: number, options?: SpecialTokenPolicy): number | false {
    if (!(limit >= 0)) throw new InvalidArgumentError({ argument: 'limit', expected: 'a number >= 0', received: limit });
    const out = this.ids;
    out.length = 0;
    this.encodeInto(checkText(text), options, out, limit);
    const count = out.length;
    out.reset();
    return count <= limit ? count : false;
  }

  /** Ids plus, per token, its start/end in UTF-8 bytes and in UTF-16 code units of `text`. */
  encodeWithOffsets(text: string, options?: SpecialTokenPolicy): TokenOffsets {
    const ids = this.encode(text, options);
    return computeOffsets(text, ids, (id) => this.decoder.byteLength(id));
  }

  /** Decodes ids to text. Unknown ids throw `UnknownTokenIdError`. */
  decode(ids: ArrayLike<number>, options?: DecodeOptions): string {
    const errors = options?.errors ?? 'replace';
    if (errors !== 'replace' && errors !== 'strict') throw new InvalidArgumentError({ argument: 'options.errors', expected: "'replace' or 'strict'", received: errors });
    return this.decoder.decode(ids, errors);
  }

  /** The raw bytes of ids (tokens may split UTF-8 sequences; this keeps them exact). */
  decodeBytes(ids: ArrayLike<number>): Uint8Array {
    return this.decoder.decodeBytes(ids);
  }

  /**
   * A streaming encoder (ordinary encoding, special literals as plain text): `write(chunk)` returns the
   * ids no later text can change, `end()` the rest.
   */
  createEncodeStream(): EncodeStream {
    return new EncodeStream((text) => this.encodeOrdinary(text), this.scanner !== undefined);
  }

  /** A streaming decoder for ids that arrive one by one. */
  createDecodeStream(): DecodeStream {
    return new DecodeStream(this.decoder);
  }
  /**
   * This encoding as core's `ModalityTokenizer<'text'>` (for `createJointTokenizer`, which also takes the
   * encoding itself). Special tokens follow tiktoken's policy unless `encodeOptions` say otherwise.
   */
  toModalityTokenizer(options: TextModalityOptions<SpecialTokenPolicy> = {}): ModalityTokenizer<string, string, 'text'> {
    return textModalityTokenizer(this, options);
  }


  private encodeInto(text: string, options: SpecialTokenPolicy | undefined, out: IdBuffer, limit: number): void {
    const policy = this.specials.resolve(options);
    this.specials.check(text, policy.disallowed);
    const allowed = policy.allowed;
    if (allowed === null) {
      this.encodeOrdinaryInto(text, out, limit);
      return;
    }
    allowed.lastIndex = 0;
    let start = 0;
    for (let match = allowed.exec(text); match !== null && out.length <= limit; match = allowed.exec(text)) {
      if (match.index > start) this.encodeOrdinaryInto(text.slice(start, match.index), out, limit);
      out.push(this.specials.ids.get(match[0]) as number);
      start = match.index + match[0].length;
    }
    if (start < text.length && out.length <= limit) this.encodeOrdinaryInto(start === 0 ? text : text.slice(start), out, limit);
  }

  private encodeOrdinaryInto(text: string, out: IdBuffer, limit: number): void {
    if (this.scanner !== undefined) {
      this.encodeScanned(text, this.scanner, out, limit);
      return;
    }
    const regex = this.regex;
    const cache = this.cache;
    const table = this.table;
    regex.lastIndex = 0;
    let match: RegExpExecArray | null;
    // Where the pieces so far end: a pattern that skips text (tiktoken drops it silently) is refused.
    let covered = 0;
    while ((match = regex.exec(text)) !== null) {
      const piece = match[0];
      if (match.index !== covered && this.refuseSkippedText) throw uncoveredText(regex, text, covered);
      covered = match.index + piece.length;
      if (piece.length === 0) {
        // A pattern that can match empty would loop forever; step over one code point.
        regex.lastIndex += (text.codePointAt(regex.lastIndex) ?? 0) > 0xffff ? 2 : 1;
        continue;
      }
      const hit = cache.get(piece);
      if (hit !== undefined) {
        if (typeof hit === 'number') out.push(hit);
        else for (let i = 0; i < hit.length; i++) out.push(hit[i] as number);
      } else {
        if (piece.length * 3 > this.buffer.length) this.buffer = new Uint8Array(piece.length * 3 + 1024);
        const buffer = this.buffer;
        const length = encodeUtf8Into(piece, 0, piece.length, buffer);
        const rank = table.lookup(buffer, 0, length);
        if (cache.size >= CACHE_LIMIT) cache.clear();
        if (rank >= 0) {
          out.push(rank);
          cache.set(piece, rank);
        } else {
          const from = out.length;
          bytePairEncode(table, buffer, length, out);
          cache.set(piece, out.toArray(from));
        }
      }
      if (out.length > limit) return;
    }
    if (covered !== text.length && this.refuseSkippedText) throw uncoveredText(regex, text, covered);
  }

  /**
   * The scanner path: pieces are spans of `text`, never strings. A piece that is one token is looked
   * up straight from its UTF-8 bytes; the merges of other pieces are memoised by their bytes.
   */
  private encodeScanned(text: string, scanner: PieceScanner, out: IdBuffer, limit: number): void {
    const n = text.length;
    if (this.classes.length <= n) this.classes = new Uint8Array(Math.max(n + 1, 2 * this.classes.length));
    const classes = this.classes;
    classifyText(text, classes);
    const table = this.table;
    const cache = this.pieceCache;
    const byteRanks = table.byteRanks;
    for (let start = 0; start < n; ) {
      const end = scanner(text, classes, start);
      if ((end - start) * 3 > this.buffer.length) this.buffer = new Uint8Array((end - start) * 3 + 1024);
      const buffer = this.buffer;
      const length = encodeUtf8Into(text, start, end, buffer);
      if (length === 1) out.push(byteRanks[buffer[0] as number] as number);
      else {
        // One hash serves both tables. The piece memo is asked first: it is small and hot, so
        // repeated text rarely touches the large vocabulary table.
        const hash = hashBytes(buffer, 0, length);
        if (!cache.appendTo(buffer, length, hash, out)) {
          const from = out.length;
          const rank = table.lookupHashed(buffer, 0, length, hash);
          if (rank >= 0) out.push(rank);
          else bytePairEncode(table, buffer, length, out);
          cache.set(buffer, length, hash, out, from);
        }
      }
      if (out.length > limit) return;
      start = end;
    }
  }
}

/** The ids of an encode as an array, leaving the buffer empty for the next. */
function takeIds(buffer: IdBuffer): number[] {
  const ids = buffer.toArray();
  buffer.reset();
  return ids;
}

/** A pre-tokenizer pattern that leaves part of the text in no piece would lose that text without a word. */
function uncoveredText(regex: RegExp, text: string, at: number): InvalidSpecError {
  return new InvalidSpecError({
    path: 'pattern',
    expected: 'a pre-tokenizer pattern whose matches cover the whole text',
    received: regex.source,
    message: `The encoding's pre-tokenizer pattern matches no piece at character ${at} of the text (${JSON.stringify(text.slice(at, at + 12))}…): that text would be lost, so it is refused. Pattern: ${regex.source.slice(0, 200)}`,
  });
}

function checkText(text: unknown): string {
  if (typeof text !== 'string') throw new InvalidArgumentError({ argument: 'text', expected: 'a string', received: text });
  return text;
}
