import { InvalidSpecError } from '@jointok/core';
import type { HfTokenizer } from './hf-tokenizer.js';
import { buildTokenizer, readTokenizerJsonParts, type TokenizerJsonParts } from './from-tokenizer-json.js';
import type { Spec } from './spec.js';

// Layout (host byte order, marked): "JTKC" | u32 version | u32 byte-order mark | u32 meta bytes |
// u32 merge ints | u32 engine offsets | u32 engine bytes | meta JSON (UTF-8, padded to 4) |
// merges Int32 | engine offsets Uint32 | engine token bytes.
const MAGIC = 0x434b544a; // "JTKC" read as a little-endian u32
const VERSION = 1;
const ORDER = 0x01020304;
const HEADER = 28;
const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

interface Meta {
  spec: Spec;
  model: { tokens: Array<string | null>; byteLevel: boolean; byteFallback: boolean; unkToken: string | null; fuseUnk: boolean; ignoreMerges: boolean };
  engine: { pattern: string } | null;
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
  const model = object(parts.spec.model);
  const { vocab: _vocab, merges: _merges, ...modelRest } = model;
  const meta: Meta = {
    spec: { ...parts.spec, model: modelRest },
    model: {
      tokens: parts.model.tokens.map((t) => t ?? null),
      byteLevel: parts.model.byteLevel,
      byteFallback: parts.model.byteFallback,
      unkToken: parts.model.unkToken,
      fuseUnk: parts.model.fuseUnk,
      ignoreMerges: parts.model.ignoreMerges,
    },
    engine: parts.engine === null ? null : { pattern: parts.engine.pattern },
  };
  const metaBytes = new TextEncoder().encode(JSON.stringify(meta));
  const metaPadded = (metaBytes.length + 3) & ~3;
  const merges = parts.model.merges;
  const offsets = parts.engine?.vocabulary.offsets ?? new Uint32Array(0);
  const engineBytes = parts.engine?.vocabulary.bytes ?? new Uint8Array(0);
  const out = new Uint8Array(HEADER + metaPadded + 4 * merges.length + 4 * offsets.length + engineBytes.length);
  const header = new Uint32Array(out.buffer, 0, HEADER / 4);
  header.set([MAGIC, VERSION, ORDER, metaBytes.length, merges.length, offsets.length, engineBytes.length]);
  let at = HEADER;
  out.set(metaBytes, at);
  at += metaPadded;
  out.set(new Uint8Array(merges.buffer, merges.byteOffset, merges.byteLength), at);
  at += merges.byteLength;
  out.set(new Uint8Array(offsets.buffer, offsets.byteOffset, offsets.byteLength), at);
  at += offsets.byteLength;
  out.set(engineBytes, at);
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
  return buildTokenizer(readCompiledTokenizer(bytes));
}

function readCompiledTokenizer(bytes: Uint8Array): TokenizerJsonParts {
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
  const [metaLength, mergeInts, offsetCount, engineLength] = [u32(12), u32(16), u32(20), u32(24)];
  const metaEnd = HEADER + ((metaLength + 3) & ~3);
  const mergesEnd = metaEnd + 4 * mergeInts;
  const offsetsEnd = mergesEnd + 4 * offsetCount;
  if (offsetsEnd + engineLength !== bytes.length || mergeInts % 3 !== 0) fail(`${offsetsEnd + engineLength} bytes in sections that add up`, `${bytes.length} bytes`);
  let meta: Meta;
  try {
    meta = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(HEADER, HEADER + metaLength))) as Meta;
  } catch (cause) {
    throw new InvalidSpecError({ path: 'compiled tokenizer', expected: 'a JSON header', received: 'unreadable text', cause });
  }
  const tokens = meta?.model?.tokens;
  if (!Array.isArray(tokens) || !tokens.every((t) => t === null || typeof t === 'string') || typeof meta.spec !== 'object' || meta.spec === null) fail('a header with a token list and a spec');
  // Copies, not views: the sections need 4-byte alignment, which the caller's buffer may not have.
  const merges = new Int32Array(mergeInts);
  new Uint8Array(merges.buffer).set(bytes.subarray(metaEnd, mergesEnd));
  for (let i = 0; i < merges.length; i++) if (!((merges[i] as number) >= 0 && (merges[i] as number) < tokens.length)) fail(`merge ids below ${tokens.length}`, merges[i]);
  const swapped = little !== HOST_LITTLE_ENDIAN;
  if (swapped) merges.forEach((v, i) => (merges[i] = swap(v)));
  let engine: TokenizerJsonParts['engine'] = null;
  if (meta.engine !== null) {
    if (typeof meta.engine?.pattern !== 'string' || offsetCount !== tokens.length + 1) fail('an engine section with one offset per token');
    const offsets = new Uint32Array(offsetCount);
    new Uint8Array(offsets.buffer).set(bytes.subarray(mergesEnd, offsetsEnd));
    if (swapped) offsets.forEach((v, i) => (offsets[i] = swap(v) >>> 0));
    for (let i = 1; i < offsets.length; i++) if ((offsets[i] as number) < (offsets[i - 1] as number)) fail('increasing token offsets');
    if (offsets[0] !== 0 || offsets[offsets.length - 1] !== engineLength) fail('token offsets that span the token bytes');
    engine = { pattern: meta.engine.pattern, vocabulary: { bytes: bytes.slice(offsetsEnd), offsets } };
  }
  const m = meta.model;
  return {
    spec: { ...meta.spec },
    model: { tokens: tokens.map((t) => t ?? undefined), merges, byteLevel: m.byteLevel === true, byteFallback: m.byteFallback === true, unkToken: typeof m.unkToken === 'string' ? m.unkToken : null, fuseUnk: m.fuseUnk === true, ignoreMerges: m.ignoreMerges === true },
    engine,
  };
}

function object(value: unknown): Spec {
  return typeof value === 'object' && value !== null ? (value as Spec) : {};
}

function swap(v: number): number {
  return ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
}
