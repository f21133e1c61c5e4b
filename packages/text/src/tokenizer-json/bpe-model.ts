import { InvalidSpecError, UnsupportedError } from '@jointok/core';
import { describeValue } from '@jointok/core/internal';
import { checkDense, MAX_RANK } from '../vocabulary/tiktoken-file.js';
import { encodeUtf8Into } from '../bytes/index.js';
import { hashBytes } from '../vocabulary/index.js';
import { IdBuffer, PieceCache } from '../vocabulary/index.js';
import { byteLevelToBytes, BYTE_TO_CHAR } from './byte-level-alphabet.js';
import { CharIds } from './char-ids.js';
import { mergeWord } from './merge-word.js';
import { PairTable } from './pair-table.js';
import { findWordCuts, type WordCuts } from './word-cuts.js';
import { readMerges } from './read-merges.js';
import { array, boolean, integer, object, string, type Spec } from './spec.js';

/**
 * The tokens of a compiled tokenizer as one text: token `id` is `text.substring(starts[id], starts[id] +
 * lengths[id])`, none where `lengths[id]` is {@link NO_TOKEN}. Strings are made on demand: a tokenizer
 * on the tiktoken engine never needs most of them, and making 200k strings at load cost more in garbage
 * collection than anything else there.
 */
export interface TokenText {
  readonly text: string;
  readonly starts: Uint32Array;
  readonly lengths: Uint32Array;
}

/** The length in {@link TokenText} of an id without a token. */
export const NO_TOKEN = 0xffffffff;

/** What a {@link BpeModel} is built from: read from tokenizer.json, or from a compiled tokenizer. */
export interface BpeModelData {
  /** Id → token string (holes for ids without one); with `tokenText`, made from it when first read. */
  tokens: Array<string | undefined>;
  /** The same tokens as one text (compiled tokenizers), read without making every string. */
  tokenText?: TokenText;
  /** `[left, right, merged]` ids per merge, in priority order (the order of `model.merges`). */
  merges: Int32Array;
  /** The model starts from bytes (a ByteLevel pre-tokenizer is present). */
  byteLevel: boolean;
  byteFallback: boolean;
  unkToken: string | null;
  fuseUnk: boolean;
  ignoreMerges: boolean;
  /** The model's safe word cuts ({@link BpeModel.cuts}), when known already (a compiled tokenizer stores them). */
  wordCuts?: WordCuts | null;
  /** The single-character tokens ({@link BpeModel.charIds}), when known already (a compiled tokenizer stores them). */
  charIds?: CharIds;
  /** The merge table's slots ({@link PairTable.slots}), when built already (a compiled tokenizer stores them). */
  pairSlots?: Int32Array;
}

/** Reads and checks `model` of a tokenizer.json into {@link BpeModelData}. */
export function readBpeModel(spec: Spec, byteLevel: boolean): BpeModelData {
  const path = 'model';
  for (const key of ['continuing_subword_prefix', 'end_of_word_suffix'] as const) {
    if (spec[key] !== undefined && spec[key] !== null && spec[key] !== '') {
      throw new UnsupportedError({ feature: `tokenizer.json ${path}.${key} = ${describeValue(spec[key], 80)}`, supported: ['null', '""'] });
    }
  }
  if (spec.dropout !== undefined && spec.dropout !== null && spec.dropout !== 0) {
    throw new UnsupportedError({ feature: `tokenizer.json ${path}.dropout = ${describeValue(spec.dropout, 80)} (BPE dropout is random)`, supported: ['null'] });
  }
  const vocabSpec = object(spec.vocab, `${path}.vocab`);
  const vocab = new Map<string, number>();
  const tokens: Array<string | undefined> = [];
  let largest = -1;
  for (const [token, id] of Object.entries(vocabSpec)) {
    const at = `${path}.vocab[${JSON.stringify(token)}]`;
    const value = integer(id, at);
    if (value > MAX_RANK) throw new InvalidSpecError({ path: at, expected: `an id below ${MAX_RANK + 1}`, received: value });
    const other = tokens[value];
    if (other !== undefined) throw new InvalidSpecError({ path: at, expected: 'an id of its own (each id once)', received: value, message: `tokenizer.json ${at} has id ${value}, which ${JSON.stringify(other)} has too; one of them could never be decoded.` });
    vocab.set(token, value);
    if (value > largest) largest = value;
    tokens[value] = token;
  }
  // Before any table is sized by the largest id (a lone id of 1e9 must not allocate a billion slots;
  // the array above stays sparse until here).
  checkDense(largest + 1, vocab.size, `tokenizer.json ${path}.vocab`);
  if (byteLevel) {
    for (let b = 0; b < 256; b++) {
      // Without it some text cannot be encoded at all; say so at load, not at the first such encode.
      if (!vocab.has(BYTE_TO_CHAR[b] as string)) throw new InvalidSpecError({ path: `${path}.vocab`, expected: `the byte-level token ${JSON.stringify(BYTE_TO_CHAR[b])} (byte 0x${b.toString(16).padStart(2, '0')})`, received: undefined, message: `tokenizer.json ${path}.vocab lacks the byte-level token ${JSON.stringify(BYTE_TO_CHAR[b])} for byte 0x${b.toString(16).padStart(2, '0')}: text holding that byte could not be encoded.` });
    }
  }
  const unk = spec.unk_token === undefined || spec.unk_token === null ? null : string(spec.unk_token, `${path}.unk_token`);
  const mergeList = array(spec.merges, `${path}.merges`);
  const merges = new Int32Array(3 * mergeList.length);
  readMerges(mergeList, vocab, path, (a, b, merged, i) => {
    merges[3 * i] = a;
    merges[3 * i + 1] = b;
    merges[3 * i + 2] = merged;
  });
  return {
    tokens,
    merges,
    byteLevel,
    byteFallback: boolean(spec.byte_fallback, `${path}.byte_fallback`, false),
    unkToken: unk,
    fuseUnk: boolean(spec.fuse_unk, `${path}.fuse_unk`, false),
    ignoreMerges: boolean(spec.ignore_merges, `${path}.ignore_merges`, false),
  };
}

/**
 * Hugging Face's BPE model (`model.type: "BPE"`), in two input modes:
 * - byte-level (a ByteLevel pre-tokenizer is present): a word starts as its UTF-8 bytes, each the
 *   token of its GPT-2 alphabet character;
 * - character-level (SentencePiece-style): a word starts as its characters; a character missing from
 *   the vocabulary becomes its `<0xNN>` byte tokens (`byte_fallback`) or the unknown token.
 *
 * The token → id map and the merge table are built on first use: a tokenizer that encodes through the
 * tiktoken engine, or only decodes, never needs them, and loading stays fast.
 */
export class BpeModel {
  private tokenArray: Array<string | undefined> | undefined;
  /** The data the model was built from (what a compiled tokenizer stores). */
  readonly data: BpeModelData;
  /** How many ids hold a token (the size of {@link vocab}, known without building it). */
  readonly tokenCount: number;
  private vocabMap: Map<string, number> | undefined;
  private pairTable: PairTable | undefined;
  private charIdTable: CharIds | undefined;
  private wordCuts: WordCuts | null | undefined;
  private readonly byteLevel: boolean;
  private readonly byteIds = new Int32Array(256).fill(-1);
  private readonly byteFallbackIds = new Int32Array(256).fill(-1);
  private readonly byteFallback: boolean;
  private readonly unkId: number;
  private readonly fuseUnk: boolean;
  private readonly ignoreMerges: boolean;
  private readonly cache = new PieceCache();
  private readonly scratch = new IdBuffer();
  private symbols = new Int32Array(256);
  private buffer = new Uint8Array(1024);

  constructor(data: BpeModelData) {
    this.data = data;
    this.wordCuts = data.wordCuts;
    this.charIdTable = data.charIds;
    this.byteLevel = data.byteLevel;
    this.byteFallback = data.byteFallback;
    this.fuseUnk = data.fuseUnk;
    this.ignoreMerges = data.ignoreMerges;
    // One pass over the tokens finds the byte tokens, the <0xNN> fallbacks and the unknown token
    // without building the token → id map. The first id of a token wins, as in the map.
    let unkId = -1;
    let tokenCount = 0;
    const unkLength = data.unkToken === null ? -1 : data.unkToken.length;
    const slots = this.tokenSlots;
    for (let id = 0; id < slots; id++) {
      const length = this.tokenLength(id);
      if (length < 0) continue;
      tokenCount++;
      // Only tokens of one character, of `<0xNN>`'s six or of the unknown token's length are looked at.
      if (length !== 1 && length !== 6 && length !== unkLength) continue;
      const token = this.tokenAt(id) as string;
      if (token.length === 1 && data.byteLevel) {
        const b = CHAR_TO_BYTE.get(token);
        if (b !== undefined && this.byteIds[b] === -1) this.byteIds[b] = id;
      } else if (token.length === 6 && token.startsWith('<0x') && token.endsWith('>')) {
        const b = FALLBACK_BYTES.get(token);
        if (b !== undefined && this.byteFallbackIds[b] === -1) this.byteFallbackIds[b] = id;
      }
      if (unkId === -1 && token === data.unkToken) unkId = id;
    }
    this.unkId = unkId;
    this.tokenCount = tokenCount;
  }

  /** Id → token string (holes for ids without one); every string is made on the first read. */
  get tokens(): Array<string | undefined> {
    if (this.tokenArray === undefined) this.tokenArray = this.data.tokens;
    return this.tokenArray;
  }

  /** How many ids the model has slots for (one past the largest id). */
  get tokenSlots(): number {
    return this.data.tokenText?.lengths.length ?? this.tokens.length;
  }

  /** The token of `id`, or undefined; does not make the other tokens' strings. */
  tokenAt(id: number): string | undefined {
    const text = this.data.tokenText;
    if (this.tokenArray !== undefined || text === undefined) return this.tokens[id];
    const length = text.lengths[id];
    if (length === undefined || length === NO_TOKEN) return undefined;
    const start = text.starts[id] as number;
    return text.text.substring(start, start + length);
  }

  /** The UTF-16 length of the token of `id`, or −1 when the id has none. */
  private tokenLength(id: number): number {
    const text = this.data.tokenText;
    if (this.tokenArray !== undefined || text === undefined) return this.tokens[id]?.length ?? -1;
    const length = text.lengths[id];
    return length === undefined || length === NO_TOKEN ? -1 : length;
  }

  /** Token string → id. */
  get vocab(): Map<string, number> {
    if (this.vocabMap === undefined) {
      const map = new Map<string, number>();
      const tokens = this.tokens;
      for (let id = 0; id < tokens.length; id++) {
        const token = tokens[id];
        if (token !== undefined) map.set(token, id);
      }
      this.vocabMap = map;
    }
    return this.vocabMap;
  }

  /** The merge table, built on first need unless stored (a model on the tiktoken engine never needs it). */
  get pairs(): PairTable {
    this.pairTable ??= new PairTable(this.data.merges, this.data.pairSlots);
    return this.pairTable;
  }

  /** The single-character tokens (character-level models start words from them), found on first need. */
  get charIds(): CharIds {
    this.charIdTable ??= CharIds.fromTokens(this.tokenSlots, (id) => this.tokenLength(id), (id) => this.tokenAt(id));
    return this.charIdTable;
  }

  /**
   * Where a character-level word may be cut without changing its ids (null: nowhere, or a byte-level or
   * `ignore_merges` model, whose whole-word lookup must see the whole word); found on first need.
   */
  get cuts(): WordCuts | null {
    if (this.wordCuts === undefined) {
      const byteOrUnknown = (id: number): boolean => id === this.unkId || this.byteFallbackIds.includes(id);
      this.wordCuts = this.byteLevel || this.ignoreMerges ? null : findWordCuts(this.tokenSlots, (id) => this.tokenAt(id), this.data.merges, this.charIds, byteOrUnknown);
    }
    return this.wordCuts;
  }

  /** Appends the ids of one pre-token to `out`. */
  encodeWord(word: string, out: number[]): void {
    const ids = this.scratch;
    ids.length = 0;
    this.encodeWordInto(word, ids);
    const data = ids.data;
    for (let i = 0; i < ids.length; i++) out.push(data[i] as number);
  }

  /**
   * Appends the ids of one pre-token to an id buffer. A SentencePiece-style word (often a whole text: such
   * tokenizer.json files have no pre-tokenizer) is merged in pieces cut before its space mark where
   * {@link cuts} proves that gives the same ids, each piece memoized.
   */
  encodeWordInto(word: string, out: IdBuffer): void {
    this.encodeReplacedInto(word, 0, word.length, NO_UNIT, NO_UNIT, out);
  }

  /**
   * Appends the ids of `text[start, end)` as one word with every `replaced` unit read as `replacement`:
   * what {@link encodeWordInto} gives for that stretch after a normalizer that replaces the one unit by the
   * other (Gemma's space → `▁`), without making the normalized copy. `replaced` must not be a surrogate,
   * and `replacement` must be a single-character token (a byte fallback of it is not handled here);
   * {@link NO_UNIT} for both reads the text as it is.
   *
   * Pieces are memoized by their raw bytes. This shares the memo with normalized words safely: a raw piece
   * without `replaced` is its own normalized form, and one with it matches no normalized piece (the
   * normalizer left none there).
   */
  encodeReplacedInto(text: string, start: number, end: number, replaced: number, replacement: number, out: IdBuffer): void {
    if (end <= start) return;
    const cuts = this.cuts;
    let from = start;
    if (cuts !== null) {
      const { unit, unsafeBefore } = cuts;
      // One pass over the units rather than indexOf per mark: the mark may come as either unit here.
      let before = text.charCodeAt(start);
      if (before === replaced) before = replacement;
      for (let i = start + 1; i < end; i++) {
        let c = text.charCodeAt(i);
        if (c === replaced) c = replacement;
        if (c === unit && before !== unit && unsafeBefore[before] !== 1) {
          this.encodePiece(text, from, i, replaced, replacement, out);
          from = i;
        }
        before = c;
      }
    }
    this.encodePiece(text, from, end, replaced, replacement, out);
  }

  /** Appends the ids of `text[start, end)` (`replaced` read as `replacement`) to `out`, from the memo when merged before. */
  private encodePiece(text: string, start: number, end: number, replaced: number, replacement: number, out: IdBuffer): void {
    if (this.buffer.length < (end - start) * 3) this.buffer = new Uint8Array((end - start) * 3 + 1024);
    const buffer = this.buffer;
    const length = encodeUtf8Into(text, start, end, buffer);
    const hash = hashBytes(buffer, 0, length);
    const from = out.length;
    if (!this.cache.appendTo(buffer, length, hash, out)) {
      this.encodeUncached(text, start, end, buffer, length, replaced, replacement, out);
      this.cache.set(buffer, length, hash, out, from);
    }
  }

  /**
   * The UTF-8 byte count each of `ids[from..]` covers in `word` (the ids `encodeWord(word)` appended),
   * for offsets. Byte-level tokens are one alphabet character per byte; a `<0xNN>` fallback token is
   * one byte; the unknown token covers one character, or the run of unknown characters it fused.
   */
  tokenByteLengths(word: string, ids: readonly number[], from: number, out: number[]): void {
    const tokens = this.tokens;
    let unit = 0;
    for (let i = from; i < ids.length; i++) {
      const id = ids[i] as number;
      if (this.byteLevel) {
        out.push((tokens[id] as string).length);
        continue;
      }
      if (id === this.unkId && !this.vocab.has(word.slice(unit, unit + (tokens[id] as string).length))) {
        let bytes = 0;
        do {
          const ch = String.fromCodePoint(word.codePointAt(unit) as number);
          bytes += utf8Length(ch);
          unit += ch.length;
        } while (this.fuseUnk && unit < word.length && this.isUnknown(String.fromCodePoint(word.codePointAt(unit) as number)));
        out.push(bytes);
        continue;
      }
      if (this.byteFallbackIds.includes(id) && !word.startsWith(tokens[id] as string, unit)) {
        out.push(1);
        // The unit advances once the character's last byte token is passed.
        const ch = String.fromCodePoint(word.codePointAt(unit) as number);
        let seen = 1;
        while (seen < utf8Length(ch) && i + 1 < ids.length && this.byteFallbackIds.includes(ids[i + 1] as number)) out.push(1), i++, seen++;
        unit += ch.length;
        continue;
      }
      const token = tokens[id] as string;
      out.push(utf8Length(token));
      unit += token.length;
    }
  }

  private isUnknown(ch: string): boolean {
    if (this.vocab.has(ch)) return false;
    return !(this.byteFallback && new TextEncoder().encode(ch).every((b) => (this.byteFallbackIds[b] as number) >= 0));
  }

  /**
   * Merges `buffer[0, length)`, the UTF-8 of `word[start, end)`; a character-level model reads `replaced`
   * as `replacement` (a byte-level one is never asked to: its pre-tokenizer is not a no-op).
   */
  private encodeUncached(word: string, start: number, end: number, buffer: Uint8Array, length: number, replaced: number, replacement: number, out: IdBuffer): void {
    if (this.ignoreMerges) {
      const piece = word.slice(start, end);
      const normalized = replaced === NO_UNIT ? piece : piece.replaceAll(String.fromCharCode(replaced), String.fromCharCode(replacement));
      const direct = this.vocab.get(this.byteLevel ? toByteLevel(buffer, length) : normalized);
      if (direct !== undefined) {
        out.push(direct);
        return;
      }
    }
    if (this.symbols.length < length) this.symbols = new Int32Array(length * 2);
    const symbols = this.symbols;
    let count = 0;
    if (this.byteLevel) {
      for (let i = 0; i < length; i++) {
        const id = this.byteIds[buffer[i] as number] as number;
        if (id < 0) throw new InvalidSpecError({ path: 'model.vocab', expected: `a token for byte ${buffer[i]} (byte-level vocabularies hold all 256)`, received: 'none' });
        symbols[count++] = id;
      }
    } else {
      // Characters decoded from the UTF-8 bytes already written, which a byte fallback needs anyway.
      const charIds = this.charIds;
      for (let i = 0; i < length; ) {
        const lead = buffer[i] as number;
        const size = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
        let cp = size === 1 ? lead : lead & (0xff >> (size + 1));
        for (let k = 1; k < size; k++) cp = (cp << 6) | ((buffer[i + k] as number) & 0x3f);
        const id = charIds.get(cp === replaced ? replacement : cp);
        if (id >= 0) symbols[count++] = id;
        else if (this.byteFallback && this.hasFallbacks(buffer, i, size)) {
          // byte_fallback: the character's UTF-8 bytes as <0xNN> tokens, if the vocabulary has them all.
          for (let k = 0; k < size; k++) symbols[count++] = this.byteFallbackIds[buffer[i + k] as number] as number;
        } else if (this.unkId >= 0) {
          if (!(this.fuseUnk && count > 0 && symbols[count - 1] === this.unkId)) symbols[count++] = this.unkId;
        } else {
          throw new InvalidSpecError({ path: 'model.unk_token', expected: `an unknown token or byte_fallback for ${JSON.stringify(String.fromCodePoint(cp))}`, received: null });
        }
        i += size;
      }
    }
    mergeWord(this.pairs, symbols, count, out);
  }

  private hasFallbacks(buffer: Uint8Array, at: number, size: number): boolean {
    for (let k = 0; k < size; k++) if ((this.byteFallbackIds[buffer[at + k] as number] as number) < 0) return false;
    return true;
  }
}

/** No unit is replaced (UTF-16 units are never negative). */
const NO_UNIT = -1;

const CHAR_TO_BYTE = new Map<string, number>(BYTE_TO_CHAR.map((ch, b) => [ch as string, b]));
const FALLBACK_BYTES = new Map<string, number>(Array.from({ length: 256 }, (_, b) => [`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`, b]));

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) (n += 4), i++;
    else n += 3;
  }
  return n;
}

function toByteLevel(buffer: Uint8Array, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += BYTE_TO_CHAR[buffer[i] as number];
  return s;
}

/** Bytes of a vocabulary token as a byte-level model sees it (for decoding). */
export function tokenBytes(token: string): Uint8Array | null {
  return byteLevelToBytes(token);
}
