import fc from 'fast-check';

/** One chunk of a structured file: `[start, end)`, and where its length field is, if it has one. */
export interface FileChunk {
  readonly start: number;
  readonly end: number;
  readonly lengthField?: { readonly at: number; readonly width: 1 | 2 | 4; readonly littleEndian: boolean };
}

/**
 * What a format tells the mutator about its files: the chunks (PNG chunks, RIFF chunks, JPEG
 * segments, Ogg pages; the header counts as one), and how to repair checksums after a mutation, so
 * that a mutated file gets past its CRCs into the decoder.
 */
export interface ChunkedFormat {
  chunks(bytes: Uint8Array): readonly FileChunk[] | undefined;
  repairChecksums?(bytes: Uint8Array): Uint8Array;
}

/** One edit of a file. Positions are taken modulo the file's length when applied. */
export type ByteMutation =
  | { readonly kind: 'flip'; readonly at: number; readonly mask: number }
  | { readonly kind: 'set'; readonly at: number; readonly value: number }
  | { readonly kind: 'word'; readonly at: number; readonly width: 2 | 4; readonly value: number; readonly littleEndian: boolean }
  | { readonly kind: 'cut'; readonly at: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: 'copy'; readonly from: number; readonly length: number; readonly at: number }
  | { readonly kind: 'splice'; readonly other: number; readonly from: number; readonly length: number; readonly at: number }
  | { readonly kind: 'chunk-duplicate'; readonly chunk: number; readonly at: number }
  | { readonly kind: 'chunk-drop'; readonly chunk: number }
  | { readonly kind: 'chunk-swap'; readonly chunk: number; readonly with: number }
  | { readonly kind: 'chunk-length'; readonly chunk: number; readonly value: number };

/** Numbers that length and count fields lie with. */
const LIES = [0, 1, 2, 7, 8, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];

/** A position, most of the time within the first `head` bytes, where headers and size fields live. */
const position = (head: number) => fc.oneof({ weight: 3, arbitrary: fc.nat({ max: head - 1 }) }, { weight: 2, arbitrary: fc.nat() });

/** Arbitrary edits of a file (flips, length-field lies, cuts, splices, inserted runs, duplicated and dropped chunks). */
export function byteMutation(options: { head?: number; chunked?: boolean } = {}): fc.Arbitrary<ByteMutation> {
  const head = options.head ?? 128;
  const lie = fc.oneof(fc.constantFrom(...LIES), fc.nat(), fc.nat({ max: 4096 }));
  const plain: fc.Arbitrary<ByteMutation>[] = [
    fc.record({ kind: fc.constant('flip' as const), at: position(head), mask: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ kind: fc.constant('set' as const), at: position(head), value: fc.constantFrom(0, 1, 0x7f, 0x80, 0xff) }),
    fc.record({ kind: fc.constant('word' as const), at: position(head), width: fc.constantFrom(2 as const, 4 as const), value: lie, littleEndian: fc.boolean() }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 32 }) }),
    fc.record({ kind: fc.constant('copy' as const), from: fc.nat(), length: fc.integer({ min: 1, max: 256 }), at: fc.nat() }),
    fc.record({ kind: fc.constant('splice' as const), other: fc.nat(), from: fc.nat(), length: fc.integer({ min: 1, max: 512 }), at: fc.nat() }),
  ];
  if (!options.chunked) return fc.oneof(...plain);
  const chunkwise: fc.Arbitrary<ByteMutation>[] = [
    fc.record({ kind: fc.constant('chunk-duplicate' as const), chunk: fc.nat(), at: fc.nat() }),
    fc.record({ kind: fc.constant('chunk-drop' as const), chunk: fc.nat() }),
    fc.record({ kind: fc.constant('chunk-swap' as const), chunk: fc.nat(), with: fc.nat() }),
    fc.record({ kind: fc.constant('chunk-length' as const), chunk: fc.nat(), value: lie }),
  ];
  return fc.oneof(...plain, ...chunkwise);
}

/** Applies edits to a copy of `seed`; `others` are the files that splices take bytes from. */
export function applyByteMutations(seed: Uint8Array, mutations: readonly ByteMutation[], others: readonly Uint8Array[] = [], format?: ChunkedFormat): Uint8Array {
  let bytes: Uint8Array = seed.slice();
  for (const mutation of mutations) {
    bytes = applyOne(bytes, mutation, others, format);
  }
  return bytes;
}

function applyOne(bytes: Uint8Array, m: ByteMutation, others: readonly Uint8Array[], format: ChunkedFormat | undefined): Uint8Array {
  const n = bytes.length;
  switch (m.kind) {
    case 'flip':
      if (n > 0) bytes[m.at % n] = bytes[m.at % n]! ^ m.mask;
      return bytes;
    case 'set':
      if (n > 0) bytes[m.at % n] = m.value;
      return bytes;
    case 'word': {
      if (n < m.width) return bytes;
      const at = m.at % (n - m.width + 1);
      writeUint(bytes, at, m.width, m.value, m.littleEndian);
      return bytes;
    }
    case 'cut':
      return bytes.slice(0, m.at % (n + 1));
    case 'delete': {
      const at = n === 0 ? 0 : m.at % n;
      return concat(bytes.subarray(0, at), bytes.subarray(Math.min(n, at + m.length)));
    }
    case 'insert': {
      const at = m.at % (n + 1);
      return concat(bytes.subarray(0, at), m.bytes, bytes.subarray(at));
    }
    case 'copy': {
      if (n === 0) return bytes;
      const from = m.from % n;
      const at = m.at % (n + 1);
      return concat(bytes.subarray(0, at), bytes.subarray(from, from + m.length), bytes.subarray(at));
    }
    case 'splice': {
      const other = others.length === 0 ? bytes : others[m.other % others.length]!;
      if (other.length === 0) return bytes;
      const from = m.from % other.length;
      const at = m.at % (n + 1);
      return concat(bytes.subarray(0, at), other.slice(from, from + m.length), bytes.subarray(at));
    }
    default:
      return applyChunkMutation(bytes, m, format);
  }
}

function applyChunkMutation(bytes: Uint8Array, m: ByteMutation, format: ChunkedFormat | undefined): Uint8Array {
  const chunks = format?.chunks(bytes);
  if (chunks === undefined || chunks.length === 0) return bytes;
  const pick = (index: number) => chunks[index % chunks.length]!;
  switch (m.kind) {
    case 'chunk-duplicate': {
      const chunk = pick(m.chunk);
      const to = pick(m.at).end;
      return concat(bytes.subarray(0, to), bytes.subarray(chunk.start, chunk.end), bytes.subarray(to));
    }
    case 'chunk-drop': {
      const chunk = pick(m.chunk);
      return concat(bytes.subarray(0, chunk.start), bytes.subarray(chunk.end));
    }
    case 'chunk-swap': {
      let a = pick(m.chunk);
      let b = pick(m.with);
      if (a === b) return bytes;
      if (a.start > b.start) [a, b] = [b, a];
      if (a.end > b.start) return bytes;
      return concat(bytes.subarray(0, a.start), bytes.subarray(b.start, b.end), bytes.subarray(a.end, b.start), bytes.subarray(a.start, a.end), bytes.subarray(b.end));
    }
    case 'chunk-length': {
      const field = pick(m.chunk).lengthField;
      if (field !== undefined && field.at + field.width <= bytes.length) writeUint(bytes, field.at, field.width, m.value, field.littleEndian);
      return bytes;
    }
    default:
      return bytes;
  }
}

function writeUint(bytes: Uint8Array, at: number, width: 1 | 2 | 4, value: number, littleEndian: boolean): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (width === 1) view.setUint8(at, value & 0xff);
  else if (width === 2) view.setUint16(at, value & 0xffff, littleEndian);
  else view.setUint32(at, value >>> 0, littleEndian);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Mutated copies of real files: 1 to `maxMutations` edits of one seed file, checksums repaired half
 * of the time when the format can (so that damage reaches past the CRCs), plus the unmodified seeds now
 * and then. `seeds` must not be empty.
 */
export function mutatedFile(seeds: readonly Uint8Array[], options: { format?: ChunkedFormat; maxMutations?: number; head?: number } = {}): fc.Arbitrary<Uint8Array> {
  const { format } = options;
  return fc
    .record({
      seed: fc.nat({ max: seeds.length - 1 }),
      mutations: fc.array(byteMutation({ head: options.head, chunked: format !== undefined }), { minLength: 0, maxLength: options.maxMutations ?? 4 }),
      repair: fc.boolean(),
    })
    .map(({ seed, mutations, repair }) => {
      const mutated = applyByteMutations(seeds[seed]!, mutations, seeds, format);
      return repair && format?.repairChecksums !== undefined ? format.repairChecksums(mutated) : mutated;
    });
}
