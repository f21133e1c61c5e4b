import { InvalidSpecError } from '@jointok/core';

// Layout (host byte order, marked): "JTKC" | u32 version | u32 byte-order mark | u32 meta bytes |
// u32 section count | u32 byte length per section | meta JSON (UTF-8) | sections — each starting at a
// multiple of 4 bytes from the start, so that a 4-byte-aligned file could be read in place.
const MAGIC = 0x434b544a; // "JTKC" read as a little-endian u32
const ORDER = 0x01020304;
const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A compiled file's parts: a JSON header and binary sections. */
export interface CompiledSections {
  meta: unknown;
  sections: Uint8Array[];
}

const pad = (n: number): number => (n + 3) & ~3;

/** Writes a JSON header and binary sections in jointok's compiled-tokenizer container. */
export function writeCompiledSections(version: number, meta: unknown, sections: ReadonlyArray<Uint8Array | Int32Array | Uint32Array>): Uint8Array {
  const metaBytes = new TextEncoder().encode(JSON.stringify(meta));
  const header = 4 * (5 + sections.length);
  let size = pad(header + metaBytes.length);
  for (const section of sections) size += pad(section.byteLength);
  const out = new Uint8Array(size);
  const words = new Uint32Array(out.buffer, 0, header / 4);
  words.set([MAGIC, version, ORDER, metaBytes.length, sections.length, ...sections.map((s) => s.byteLength)]);
  out.set(metaBytes, header);
  let at = pad(header + metaBytes.length);
  for (const section of sections) {
    out.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), at);
    at += pad(section.byteLength);
  }
  return out;
}

/**
 * Reads what {@link writeCompiledSections} wrote. Sections come back as views of `bytes`; use
 * {@link int32Section} / {@link uint32Section} for integer sections in host order.
 *
 * @throws InvalidSpecError at `compiled tokenizer` for other bytes, another version, or sizes that do not add up
 */
export function readCompiledSections(bytes: Uint8Array, version: number, sectionCount: number): CompiledSections & { swapped: boolean } {
  if (!(bytes instanceof Uint8Array) || bytes.length < 20) fail('a compiled tokenizer (compileTokenizerJson)', bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = view.getUint32(8, true) === ORDER;
  const u32 = (at: number): number => view.getUint32(at, little);
  if (u32(0) !== MAGIC) fail('the magic bytes "JTKC"');
  if (u32(4) !== version) fail(`format version ${version} (compile the tokenizer.json again)`, u32(4));
  if (u32(8) !== ORDER) fail('a known byte order');
  if (u32(16) !== sectionCount) fail(`${sectionCount} sections`, u32(16));
  const header = 4 * (5 + sectionCount);
  if (bytes.length < header) fail(`at least ${header} bytes`, `${bytes.length} bytes`);
  const metaLength = u32(12);
  const lengths = Array.from({ length: sectionCount }, (_, i) => u32(20 + 4 * i));
  let at = pad(header + metaLength);
  const sections: Uint8Array[] = [];
  for (const length of lengths) {
    if (at + length > bytes.length) break;
    sections.push(bytes.subarray(at, at + length));
    at += pad(length);
  }
  if (sections.length !== sectionCount || at !== bytes.length) fail(`${at} bytes in sections that add up`, `${bytes.length} bytes`);
  let meta: unknown;
  try {
    meta = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(header, header + metaLength)));
  } catch (cause) {
    throw new InvalidSpecError({ path: 'compiled tokenizer', expected: 'a JSON header', received: 'unreadable text', cause });
  }
  return { meta, sections, swapped: little !== HOST_LITTLE_ENDIAN };
}

/**
 * A section of 32-bit integers in host order: a view of the section where it is 4-byte aligned and in
 * host order (a file read whole is), else a copy. Views, because fresh memory is what loading costs
 * most: copying Gemma 3's 6 MB of merges took longer than reading them.
 */
export function int32Section(section: Uint8Array, swapped: boolean): Int32Array {
  if (section.length % 4 !== 0) fail('a section of 32-bit integers', `${section.length} bytes`);
  if (!swapped && section.byteOffset % 4 === 0) return new Int32Array(section.buffer, section.byteOffset, section.length / 4);
  const out = new Int32Array(section.buffer.slice(section.byteOffset, section.byteOffset + section.byteLength));
  if (swapped) for (let i = 0; i < out.length; i++) out[i] = swap(out[i] as number);
  return out;
}

/** A section of unsigned 32-bit integers in host order (a view where it can be, as {@link int32Section}). */
export function uint32Section(section: Uint8Array, swapped: boolean): Uint32Array {
  const ints = int32Section(section, swapped);
  return new Uint32Array(ints.buffer, ints.byteOffset, ints.length);
}

/** Throws the compiled tokenizer's InvalidSpecError. */
export function fail(expected: string, received?: unknown): never {
  throw new InvalidSpecError({ path: 'compiled tokenizer', expected, received: received ?? 'other bytes' });
}

function swap(v: number): number {
  return ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
}
