import type { AddedToken } from './added-tokens.js';
import { BpeModel, type BpeModelData } from './bpe-model.js';
import { CharIds } from './char-ids.js';
import { fail, int32Section, readCompiledSections, uint32Section, writeCompiledSections } from './compiled-sections.js';
import { buildTokenizer, readTokenizerJsonParts, resolveAddedTokens, type TokenizerJsonParts } from './from-tokenizer-json.js';
import type { HfTokenizer } from './hf-tokenizer.js';
import type { Spec } from './spec.js';
import { byteLevelTokenStrings, packTokenStrings, unpackTokenStrings } from './token-strings.js';

// Version 2: token strings as packed text (not JSON), added tokens resolved, word cuts precomputed.
const VERSION = 2;
// Sections: merges (Int32 triples), token offsets (Uint32), token text (UTF-8), engine offsets (Uint32),
// engine token bytes, single-character tokens (Int32 [code point, id] pairs), the merge table's slots
// (Int32). A tiktoken-shaped model stores no token text (its strings are its bytes in GPT-2's
// alphabet, rebuilt on first need) and no merge table (its engine ranks by id).
const SECTIONS = 7;

interface Meta {
  spec: Spec;
  model: {
    tokenCount: number;
    holes: number[];
    irregular: Array<[number, string]>;
    byteLevel: boolean;
    byteFallback: boolean;
    unkToken: string | null;
    fuseUnk: boolean;
    ignoreMerges: boolean;
    wordCuts: { unit: number; unsafeBefore: number[] } | null;
    specialIds: number[];
  };
  addedTokens: AddedToken[];
  engine: { pattern: string } | null;
}

/**
 * Compiles a tokenizer.json (text or parsed object) into jointok's compact binary form: the file checked
 * and read once — vocabulary, merges as integers, added tokens with their ids resolved, and for
 * tiktoken-shaped models the byte vocabulary the tiktoken engine runs — so that
 * {@link fromCompiledTokenizer} loads it in a fraction of the time. The form is specific to this version
 * of `@jointok/text` (a later one may reject it: compile again).
 */
export function compileTokenizerJson(json: string | object): Uint8Array {
  const parts = readTokenizerJsonParts(json);
  buildTokenizer(parts); // every stage checked now, not when the compiled form is loaded
  const model = new BpeModel(parts.model);
  const { vocab: _vocab, merges: _merges, ...modelRest } = object(parts.spec.model);
  const tokens = parts.model.tokens;
  const holes: number[] = [];
  for (let id = 0; id < tokens.length; id++) if (tokens[id] === undefined) holes.push(id);
  const packed = parts.engine === null ? packTokenStrings(tokens) : null;
  const cuts = model.cuts;
  const meta: Meta = {
    // added_tokens are stored resolved, below.
    spec: { ...parts.spec, model: modelRest, added_tokens: null },
    model: {
      tokenCount: tokens.length,
      holes,
      irregular: packed?.irregular ?? [],
      byteLevel: parts.model.byteLevel,
      byteFallback: parts.model.byteFallback,
      unkToken: parts.model.unkToken,
      fuseUnk: parts.model.fuseUnk,
      ignoreMerges: parts.model.ignoreMerges,
      wordCuts: cuts === null ? null : { unit: cuts.unit, unsafeBefore: units(cuts.unsafeBefore) },
      specialIds: [...model.specialIds],
    },
    addedTokens: resolveAddedTokens(parts.spec, model),
    engine: parts.engine === null ? null : { pattern: parts.engine.pattern },
  };
  const none = new Uint8Array(0);
  return writeCompiledSections(VERSION, meta, [
    parts.model.merges,
    packed?.offsets ?? none,
    packed?.text ?? none,
    parts.engine?.vocabulary.offsets ?? none,
    parts.engine?.vocabulary.bytes ?? none,
    // The character-level encode starts from these; stored, it needs no token string until a decode.
    parts.model.byteLevel ? none : model.charIds.pairs,
    // Building it cost a fresh Gemma 3 instance a fifth of its first encode; read in place, it costs a read.
    parts.engine === null ? model.pairs.slots : none,
  ]);
}

/**
 * Loads a tokenizer compiled by {@link compileTokenizerJson}: the same ids, offsets and decodes as
 * `fromTokenizerJson` on the original file. The tokenizer keeps views of `bytes` (no copies of its
 * megabytes of merges and token bytes): do not modify them afterwards.
 *
 * @throws InvalidSpecError at `compiled tokenizer` when the bytes are not a compiled tokenizer of this
 *   version, are truncated, or are inconsistent
 */
export function fromCompiledTokenizer(bytes: Uint8Array): HfTokenizer {
  return buildTokenizer(readCompiledTokenizer(bytes));
}

function readCompiledTokenizer(bytes: Uint8Array): TokenizerJsonParts {
  const { meta: raw, sections, swapped } = readCompiledSections(bytes, VERSION, SECTIONS);
  const meta = raw as Meta;
  const m = meta?.model;
  if (typeof meta?.spec !== 'object' || meta.spec === null || typeof m !== 'object' || m === null || !Array.isArray(meta.addedTokens)) fail('a header with a spec, a model and added tokens');
  const count = m.tokenCount;
  if (!Number.isInteger(count) || count < 0 || !Array.isArray(m.holes) || !Array.isArray(m.irregular)) fail('a token count, holes and irregular tokens');
  if (!m.holes.every((id) => Number.isInteger(id) && id >= 0 && id < count)) fail(`hole ids below ${count}`);
  const [mergeSection, offsetSection, textSection, engineOffsetSection, engineBytes, charSection, slotSection] = sections as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  const merges = int32Section(mergeSection, swapped);
  if (merges.length % 3 !== 0) fail('merge triples');
  for (let i = 0; i < merges.length; i++) if (!((merges[i] as number) >= 0 && (merges[i] as number) < count)) fail(`merge ids below ${count}`, merges[i]);
  let engine: TokenizerJsonParts['engine'] = null;
  let tokens: () => Array<string | undefined>;
  if (meta.engine !== null) {
    const offsets = uint32Section(engineOffsetSection, swapped);
    if (typeof meta.engine?.pattern !== 'string' || offsets.length !== count + 1) fail('an engine section with one offset per token');
    checkOffsets(offsets, engineBytes.length);
    const vocabulary = { bytes: engineBytes, offsets };
    engine = { pattern: meta.engine.pattern, vocabulary };
    tokens = () => byteLevelTokenStrings(vocabulary, m.holes);
  } else {
    const offsets = uint32Section(offsetSection, swapped);
    if (offsets.length !== count + 1) fail('one token offset per token');
    checkOffsets(offsets, offsets[offsets.length - 1] as number);
    if (!m.irregular.every((entry) => Array.isArray(entry) && Number.isInteger(entry[0]) && entry[0] >= 0 && entry[0] < count && typeof entry[1] === 'string')) fail('irregular tokens as [id, string]');
    // Decoded on first need (a decode, or a model that reads its token strings): decoding Gemma 3's
    // 2 MB of token text was a fifth of its load, and encoding never needs it.
    tokens = () => {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(textSection);
      } catch (cause) {
        fail('token text in UTF-8', cause);
      }
      checkOffsets(offsets, text.length);
      return unpackTokenStrings(offsets, text, m.holes, m.irregular);
    };
  }
  checkAddedTokens(meta.addedTokens);
  const charPairs = int32Section(charSection, swapped);
  for (let i = 1; i < charPairs.length; i += 2) if (!((charPairs[i] as number) >= 0 && (charPairs[i] as number) < count)) fail(`character token ids below ${count}`, charPairs[i]);
  const pairSlots = int32Section(slotSection, swapped);
  const lines = merges.length / 3;
  if (pairSlots.length > 0) {
    // A power of two at least twice the merges (open addressing needs empty slots to stop a probe).
    if ((pairSlots.length & (pairSlots.length - 1)) !== 0 || pairSlots.length < 2 * lines) fail('a merge table of a power-of-two size', pairSlots.length);
    for (let i = 0; i < pairSlots.length; i++) if (!((pairSlots[i] as number) >= 0 && (pairSlots[i] as number) <= lines)) fail(`merge table lines up to ${lines}`, pairSlots[i]);
  }
  const specialIds = m.specialIds;
  if (!Array.isArray(specialIds) || specialIds.length !== 513 || !specialIds.every((id) => Number.isInteger(id) && id >= -1 && id < count)) fail('513 special ids');
  const cuts = m.wordCuts;
  if (cuts !== null && !(typeof cuts === 'object' && Number.isInteger(cuts.unit) && Array.isArray(cuts.unsafeBefore))) fail('word cuts');
  return {
    spec: { ...meta.spec },
    model: lazyTokens(
      {
        merges,
        byteLevel: m.byteLevel === true,
        byteFallback: m.byteFallback === true,
        unkToken: typeof m.unkToken === 'string' ? m.unkToken : null,
        fuseUnk: m.fuseUnk === true,
        ignoreMerges: m.ignoreMerges === true,
        wordCuts: cuts === null ? null : { unit: cuts.unit, unsafeBefore: flags(cuts.unsafeBefore) },
        ...(m.byteLevel === true ? {} : { charIds: new CharIds(charPairs) }),
        specialIds: Int32Array.from(specialIds),
        ...(pairSlots.length > 0 ? { pairSlots } : {}),
      },
      tokens,
    ),
    engine,
    addedTokens: meta.addedTokens,
  };
}

/** Model data whose token strings are built on first access (a tiktoken-shaped model may never need them). */
function lazyTokens(rest: Omit<BpeModelData, 'tokens'>, build: () => Array<string | undefined>): BpeModelData {
  let tokens: Array<string | undefined> | undefined;
  return {
    ...rest,
    get tokens() {
      tokens ??= build();
      return tokens;
    },
  };
}

function checkOffsets(offsets: Uint32Array, end: number): void {
  for (let i = 1; i < offsets.length; i++) if ((offsets[i] as number) < (offsets[i - 1] as number)) fail('increasing token offsets');
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== end) fail('token offsets that span the token text');
}

/** The UTF-16 units flagged in a 64K-entry table. */
function units(table: Uint8Array): number[] {
  const out: number[] = [];
  for (let unit = 0; unit < table.length; unit++) if (table[unit] === 1) out.push(unit);
  return out;
}

function flags(list: readonly unknown[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const unit of list) {
    if (!(Number.isInteger(unit) && (unit as number) >= 0 && (unit as number) < 0x10000)) fail('word cuts as UTF-16 units', unit);
    table[unit as number] = 1;
  }
  return table;
}

function checkAddedTokens(tokens: readonly unknown[]): void {
  for (const token of tokens) {
    const t = token as Partial<AddedToken> | null;
    const ok = typeof t === 'object' && t !== null && Number.isInteger(t.id) && (t.id as number) >= 0 && typeof t.content === 'string';
    if (!ok || !(['special', 'lstrip', 'rstrip', 'singleWord', 'normalized'] as const).every((k) => typeof t[k] === 'boolean')) fail('added tokens with ids, contents and flags', token);
  }
}

function object(value: unknown): Spec {
  return typeof value === 'object' && value !== null ? (value as Spec) : {};
}
