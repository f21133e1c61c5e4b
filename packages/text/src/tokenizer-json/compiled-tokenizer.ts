import { InvalidSpecError } from '@jointok/core';
import type { HfTokenizer } from './hf-tokenizer.js';
import { readAddedTokens } from './added-tokens.js';
import { BpeModel, NO_TOKEN, type BpeModelData, type TokenText } from './bpe-model.js';
import { CharIds } from './char-ids.js';
import { PairTable } from './pair-table.js';
import type { WordCuts } from './word-cuts.js';
import { buildTokenizer, readTokenizerJsonParts, resolveAddedTokenIds, type TokenizerJsonParts } from './from-tokenizer-json.js';
import type { Spec } from './spec.js';

// Layout (host byte order, marked): "JTKC" | u32 version | u32 byte-order mark | u32 meta bytes |
// u32 merge ints | u32 engine offsets | u32 engine bytes | u32 token count | u32 token text bytes |
// u32 pair slots | meta JSON (UTF-8, padded to 4) | merges Int32 | pair slots Int32 | engine offsets
// Uint32 | token lengths Uint32 | engine token bytes | token text (UTF-8). What the general BPE path
// builds at its first encode (the merge table, the word cuts, the character ids: 140 ms for Gemma 3) is
// stored too; models on the tiktoken engine store no pair slots. The tokens travel as one text and their UTF-16 lengths, not
// as a JSON array: decoding one string and slicing it is several times faster than JSON.parse of 200,000
// strings (the slowest step of a load in a profile of gpt-oss's vocabulary).
const MAGIC = 0x434b544a; // "JTKC" read as a little-endian u32
const VERSION = 3;
const ORDER = 0x01020304;
const HEADER = 40;
const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

interface Meta {
  spec: Spec;
  model: { byteLevel: boolean; byteFallback: boolean; unkToken: string | null; fuseUnk: boolean; ignoreMerges: boolean };
  engine: { pattern: string } | null;
  /** The resolved id of every `added_tokens` entry (loading then never builds the token → id map). */
  addedTokenIds: number[];
  /** The general path's word cuts: the cut unit and the units a cut may not follow; null: no cuts. */
  wordCuts: { unit: number; unsafeBefore: number[] } | null;
  /** `[code point, id]` per single-character token (general path only; empty on the engine). */
  charIds: number[];
}

/**
 * Compiles a tokenizer.json (text or parsed object) into jointok's compact binary form: the file checked
 * and read once — vocabulary, merges as integers, and for tiktoken-shaped models the byte vocabulary the
 * tiktoken engine runs — so that {@link fromCompiledTokenizer} loads it in a fraction of the time. The
 * form is specific to this version of `@jointok/text` (a later one may reject it: compile again).
 */
export function compileTokenizerJson(json: string | object): Uint8Array {
  const parts = readTokenizerJsonParts(json);
  buildTokenizer(parts); // every stage checked now, not when the compiled form is loaded
  const bpe = new BpeModel(parts.model);
  const addedTokenIds = resolveAddedTokenIds(readAddedTokens(parts.spec.added_tokens), bpe);
  // The general path's tables, built now so that a load never builds them (the engine needs none).
  const general = parts.engine === null;
  const cuts = general ? bpe.cuts : null;
  const pairSlots = general ? bpe.pairs.slots : new Int32Array(0);
  const model = object(parts.spec.model);
  const { vocab: _vocab, merges: _merges, ...modelRest } = model;
  const meta: Meta = {
    spec: { ...parts.spec, model: modelRest },
    model: {
      byteLevel: parts.model.byteLevel,
      byteFallback: parts.model.byteFallback,
      unkToken: parts.model.unkToken,
      fuseUnk: parts.model.fuseUnk,
      ignoreMerges: parts.model.ignoreMerges,
    },
    engine: parts.engine === null ? null : { pattern: parts.engine.pattern },
    addedTokenIds,
    wordCuts: cuts === null ? null : { unit: cuts.unit, unsafeBefore: flagged(cuts.unsafeBefore) },
    charIds: general ? [...bpe.charIds.pairs] : [],
  };
  const metaBytes = new TextEncoder().encode(JSON.stringify(meta));
  const metaPadded = (metaBytes.length + 3) & ~3;
  const merges = parts.model.merges;
  const offsets = parts.engine?.vocabulary.offsets ?? new Uint32Array(0);
  const engineBytes = parts.engine?.vocabulary.bytes ?? new Uint8Array(0);
  const { lengths, text } = tokenText(parts.model.tokens);
  const out = new Uint8Array(HEADER + metaPadded + 4 * merges.length + 4 * pairSlots.length + 4 * offsets.length + 4 * lengths.length + engineBytes.length + text.length);
  const header = new Uint32Array(out.buffer, 0, HEADER / 4);
  header.set([MAGIC, VERSION, ORDER, metaBytes.length, merges.length, offsets.length, engineBytes.length, lengths.length, text.length, pairSlots.length]);
  let at = HEADER;
  out.set(metaBytes, at);
  at += metaPadded;
  for (const section of [merges, pairSlots, offsets, lengths]) {
    out.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), at);
    at += section.byteLength;
  }
  out.set(engineBytes, at);
  at += engineBytes.length;
  out.set(text, at);
  return out;
}

/**
 * Loads a tokenizer compiled by {@link compileTokenizerJson}: the same ids, offsets and decodes as
 * `fromTokenizerJson` on the original file.
 *
 * @throws InvalidSpecError at `compiled tokenizer` when the bytes are not a compiled tokenizer of this
 *   version, are truncated, or are inconsistent
 */
export function fromCompiledTokenizer(bytes: Uint8Array): HfTokenizer {
  return buildTokenizer(readCompiledTokenizer(bytes, false));
}

/**
 * {@link fromCompiledTokenizer} for bytes that nobody changes afterwards (a file the caller read and
 * drops): the tokenizer may keep views of them instead of copies. Not exported from the package.
 */
export function fromOwnedCompiledTokenizer(bytes: Uint8Array): HfTokenizer {
  return buildTokenizer(readCompiledTokenizer(bytes, true));
}

function readCompiledTokenizer(bytes: Uint8Array, owned: boolean): TokenizerJsonParts {
  const fail = (expected: string, received?: unknown): never => {
    throw new InvalidSpecError({ path: 'compiled tokenizer', expected, received: received ?? 'other bytes' });
  };
  if (!(bytes instanceof Uint8Array) || bytes.length < HEADER) fail('a compiled tokenizer (compileTokenizerJson)', bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = view.getUint32(8, true) === ORDER;
  const u32 = (at: number): number => view.getUint32(at, little);
  if (u32(0) !== MAGIC) fail('the magic bytes "JTKC"');
  if (u32(4) !== VERSION) fail(`format version ${VERSION} (compile the tokenizer.json again)`, u32(4));
  if (u32(8) !== ORDER) fail('a known byte order');
  const [metaLength, mergeInts, offsetCount, engineLength, tokenCount, textLength, slotCount] = [u32(12), u32(16), u32(20), u32(24), u32(28), u32(32), u32(36)];
  const metaEnd = HEADER + ((metaLength + 3) & ~3);
  const mergesEnd = metaEnd + 4 * mergeInts;
  const slotsEnd = mergesEnd + 4 * slotCount;
  const offsetsEnd = slotsEnd + 4 * offsetCount;
  const lengthsEnd = offsetsEnd + 4 * tokenCount;
  const engineEnd = lengthsEnd + engineLength;
  if (engineEnd + textLength !== bytes.length || mergeInts % 3 !== 0) fail(`${engineEnd + textLength} bytes in sections that add up`, `${bytes.length} bytes`);
  let meta: Meta;
  try {
    meta = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(HEADER, HEADER + metaLength))) as Meta;
  } catch (cause) {
    throw new InvalidSpecError({ path: 'compiled tokenizer', expected: 'a JSON header', received: 'unreadable text', cause });
  }
  if (typeof meta?.spec !== 'object' || meta.spec === null || typeof meta.model !== 'object' || meta.model === null) fail('a header with a spec and a model');
  const lengths = new Uint32Array(tokenCount);
  new Uint8Array(lengths.buffer).set(bytes.subarray(offsetsEnd, lengthsEnd));
  const swapped = little !== HOST_LITTLE_ENDIAN;
  if (swapped) lengths.forEach((v, i) => (lengths[i] = swap(v) >>> 0));
  const tokenText = readTokenText(lengths, bytes.subarray(engineEnd), fail);
  const slots = lengths.length;
  // Views of bytes the caller hands over, where aligned (a file read whole is) and in host byte order;
  // copies otherwise (the sections need 4-byte alignment). Copying Gemma 3's 6 MB of merges was a tenth of its load.
  const aligned = owned && !swapped && (bytes.byteOffset + metaEnd) % 4 === 0;
  const int32Section = (from: number, count: number): Int32Array => {
    const section = aligned ? new Int32Array(bytes.buffer, bytes.byteOffset + from, count) : new Int32Array(count);
    if (!aligned) new Uint8Array(section.buffer).set(bytes.subarray(from, from + 4 * count));
    if (swapped) section.forEach((v, i) => (section[i] = swap(v)));
    return section;
  };
  const merges = int32Section(metaEnd, mergeInts);
  for (let i = 0; i < merges.length; i++) if (!((merges[i] as number) >= 0 && (merges[i] as number) < slots)) fail(`merge ids below ${slots}`, merges[i]);
  const pairSlots = slotCount === 0 ? undefined : int32Section(mergesEnd, slotCount);
  // Stored slots must keep every lookup bounded (see PairTable.checkSlots): a damaged file could loop.
  const slotProblem = pairSlots === undefined ? null : PairTable.checkSlots(pairSlots, mergeInts / 3);
  if (slotProblem !== null) fail(slotProblem);
  let engine: TokenizerJsonParts['engine'] = null;
  if (meta.engine !== null) {
    if (typeof meta.engine?.pattern !== 'string' || offsetCount !== slots + 1) fail('an engine section with one offset per token');
    const offsets = new Uint32Array(offsetCount);
    new Uint8Array(offsets.buffer).set(bytes.subarray(slotsEnd, offsetsEnd));
    if (swapped) offsets.forEach((v, i) => (offsets[i] = swap(v) >>> 0));
    for (let i = 1; i < offsets.length; i++) if ((offsets[i] as number) < (offsets[i - 1] as number)) fail('increasing token offsets');
    if (offsets[0] !== 0 || offsets[offsets.length - 1] !== engineLength) fail('token offsets that span the token bytes');
    engine = { pattern: meta.engine.pattern, vocabulary: { bytes: bytes.slice(lengthsEnd, engineEnd), offsets } };
  }
  const addedTokenIds = meta.addedTokenIds;
  if (!Array.isArray(addedTokenIds) || !addedTokenIds.every((id) => Number.isInteger(id) && id >= 0 && id <= 0x7fffffff)) fail('a header with the added tokens\' ids');
  const m = meta.model;
  return {
    addedTokenIds,
    spec: { ...meta.spec },
    model: new LazyModelData(tokenText, {
      merges,
      byteLevel: m.byteLevel === true,
      byteFallback: m.byteFallback === true,
      unkToken: typeof m.unkToken === 'string' ? m.unkToken : null,
      fuseUnk: m.fuseUnk === true,
      ignoreMerges: m.ignoreMerges === true,
      // The engine's models store none of the general path's tables (undefined: built if ever needed).
      wordCuts: engine === null ? readWordCuts(meta.wordCuts, fail) : undefined,
      charIds: engine === null ? readCharIds(meta.charIds, slots, fail) : undefined,
      pairSlots,
    }),
    engine,
  };
}

/** The units flagged in a table of flags by UTF-16 unit. */
function flagged(flags: Uint8Array): number[] {
  const units: number[] = [];
  for (let unit = 0; unit < flags.length; unit++) if (flags[unit] === 1) units.push(unit);
  return units;
}

const isUnit = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) < 0x10000;

function readWordCuts(value: Meta['wordCuts'] | undefined, fail: (expected: string, received?: unknown) => never): WordCuts | null {
  if (value === null) return null;
  if (typeof value !== 'object' || !isUnit(value?.unit) || !Array.isArray(value.unsafeBefore) || !value.unsafeBefore.every(isUnit)) return fail('a header with word cuts (a unit and the units a cut may not follow)');
  const unsafeBefore = new Uint8Array(0x10000);
  for (const unit of value.unsafeBefore) unsafeBefore[unit] = 1;
  return { unit: value.unit, unsafeBefore };
}

function readCharIds(value: unknown, slots: number, fail: (expected: string, received?: unknown) => never): CharIds {
  const ok = Array.isArray(value) && value.length % 2 === 0 && value.every((v, i) => Number.isInteger(v) && v >= 0 && v < (i % 2 === 0 ? 0x110000 : slots));
  if (!ok) fail(`a header with [code point, id] pairs of ids below ${slots}`);
  return new CharIds(Int32Array.from(value as number[]));
}

/** The tokens as one UTF-8 text and their UTF-16 lengths ({@link NO_TOKEN} for an id without one). */
function tokenText(tokens: ReadonlyArray<string | undefined>): { lengths: Uint32Array; text: Uint8Array } {
  const lengths = new Uint32Array(tokens.length);
  const parts: string[] = [];
  for (let id = 0; id < tokens.length; id++) {
    const token = tokens[id];
    if (token === undefined) {
      lengths[id] = NO_TOKEN;
      continue;
    }
    // A lone surrogate would not survive UTF-8: such a token (never seen in a published vocabulary) is
    // refused rather than stored changed.
    if (!isWellFormed(token)) throw new InvalidSpecError({ path: `model.vocab[${id}]`, expected: 'a token of well-formed Unicode (no lone surrogate) to compile', received: token });
    lengths[id] = token.length;
    parts.push(token);
  }
  return { lengths, text: new TextEncoder().encode(parts.join('')) };
}

/** The tokens' text and where each starts; fails when the lengths do not cover it exactly. */
function readTokenText(lengths: Uint32Array, bytes: Uint8Array, fail: (expected: string, received?: unknown) => never): TokenText {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return fail('token text in UTF-8');
  }
  const starts = new Uint32Array(lengths.length);
  let at = 0;
  for (let id = 0; id < lengths.length; id++) {
    starts[id] = at;
    const length = lengths[id]!;
    if (length === NO_TOKEN) continue;
    if (at + length > text.length) fail('token lengths within the token text');
    at += length;
  }
  if (at !== text.length) fail('token lengths that cover the token text');
  return { text, starts, lengths };
}

/**
 * Model data whose token strings are made from the token text on first read. A class, not an object
 * literal with a getter: each such literal gets a shape of its own, so the model's reads of its data
 * would see a new shape with every tokenizer loaded.
 */
class LazyModelData implements BpeModelData {
  private tokenArray: Array<string | undefined> | undefined;
  readonly merges: Int32Array;
  readonly byteLevel: boolean;
  readonly byteFallback: boolean;
  readonly unkToken: string | null;
  readonly fuseUnk: boolean;
  readonly ignoreMerges: boolean;
  readonly wordCuts: WordCuts | null | undefined;
  readonly charIds: CharIds | undefined;
  readonly pairSlots: Int32Array | undefined;

  constructor(
    readonly tokenText: TokenText,
    rest: Omit<BpeModelData, 'tokens' | 'tokenText'>,
  ) {
    this.merges = rest.merges;
    this.byteLevel = rest.byteLevel;
    this.byteFallback = rest.byteFallback;
    this.unkToken = rest.unkToken;
    this.fuseUnk = rest.fuseUnk;
    this.ignoreMerges = rest.ignoreMerges;
    this.wordCuts = rest.wordCuts;
    this.charIds = rest.charIds;
    this.pairSlots = rest.pairSlots;
  }

  get tokens(): Array<string | undefined> {
    if (this.tokenArray === undefined) {
      const { text, starts, lengths } = this.tokenText;
      const tokens = new Array<string | undefined>(lengths.length);
      for (let id = 0; id < lengths.length; id++) tokens[id] = lengths[id] === NO_TOKEN ? undefined : text.substring(starts[id]!, starts[id]! + lengths[id]!);
      this.tokenArray = tokens;
    }
    return this.tokenArray;
  }
}

function isWellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

function object(value: unknown): Spec {
  return typeof value === 'object' && value !== null ? (value as Spec) : {};
}

function swap(v: number): number {
  return ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
}
