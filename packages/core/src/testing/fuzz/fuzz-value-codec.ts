import { decodeBase64, encodeBase64 } from '../../bytes/index.js';

const TYPED = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;
type TypedName = keyof typeof TYPED;

/**
 * Writes a fuzz input as JSON text that {@link decodeFuzzValue} reads back exactly: typed arrays and
 * ArrayBuffers (as base64 of their bytes), NaN, ±Infinity, -0, BigInts and `undefined` survive, and
 * objects whose keys start with `$` are escaped. Plain data only: no cycles, Maps or class instances.
 * Long uniform chains are written compactly; other nesting deeper than 2,000 levels is cut (marked `$cut`).
 */
export function encodeFuzzValue(value: unknown): string {
  return JSON.stringify(toJson(value));
}

/** Reads what {@link encodeFuzzValue} wrote. */
export function decodeFuzzValue(text: string): unknown {
  return fromJson(JSON.parse(text));
}

/** Chains of one-item arrays or one-key objects deeper than this are written as `$nested` (JSON text cannot nest that deep). */
const CHAIN = 256;

/** Nesting deeper than this that is not one uniform chain is cut, so that encoding cannot overflow the stack. */
const MAX_DEPTH = 2000;

function toJson(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return { $cut: 'nested deeper than the codec writes' };
  const chain = chainOf(value);
  if (chain !== undefined) return chain;
  if (typeof value === 'number') {
    if (Number.isNaN(value) || !Number.isFinite(value) || Object.is(value, -0)) return { $number: Object.is(value, -0) ? '-0' : String(value) };
    return value;
  }
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (value === undefined) return { $undefined: true };
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof ArrayBuffer) return { $bytes: 'ArrayBuffer', base64: encodeBase64(new Uint8Array(value)) };
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name as TypedName;
    if (!(name in TYPED)) throw new TypeError(`encodeFuzzValue cannot write a ${value.constructor.name}`);
    return { $bytes: name, base64: encodeBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  }
  if (Array.isArray(value)) return Array.from(value, (item) => toJson(item, depth + 1));
  const entries = Object.entries(value).map(([key, item]) => [key, toJson(item, depth + 1)] as const);
  const object = Object.fromEntries(entries);
  return entries.some(([key]) => key.startsWith('$')) ? { $object: object } : object;
}

/** A deep chain `[[[...leaf]]]` or `{k: {k: ...leaf}}` as `{ $nested: depth, key, leaf }`, else undefined. */
function chainOf(value: unknown): unknown {
  let depth = 0;
  let node = value;
  let key: string | null | undefined;
  for (;;) {
    if (Array.isArray(node) && node.length === 1 && 0 in node && (key === undefined || key === null)) {
      key = null;
    } else if (node !== null && typeof node === 'object' && !Array.isArray(node) && !ArrayBuffer.isView(node) && Object.keys(node).length === 1) {
      const only = Object.keys(node)[0]!;
      if (key !== undefined && key !== only) break;
      key = only;
    } else break;
    node = key === null ? (node as unknown[])[0] : (node as Record<string, unknown>)[key];
    depth++;
  }
  return depth > CHAIN ? { $nested: depth, key, leaf: toJson(node, 0) } : undefined;
}

function fromJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(fromJson);
  const record = value as Record<string, unknown>;
  if (typeof record['$nested'] === 'number') {
    let node = fromJson(record['leaf']);
    const key = record['key'] as string | null;
    for (let i = 0; i < record['$nested']; i++) node = key === null ? [node] : Object.fromEntries([[key, node]]);
    return node;
  }
  if (typeof record['$number'] === 'string') return record['$number'] === '-0' ? -0 : Number(record['$number']);
  if (typeof record['$bigint'] === 'string') return BigInt(record['$bigint']);
  if (record['$undefined'] === true) return undefined;
  if (typeof record['$bytes'] === 'string') {
    const bytes = decodeBase64(String(record['base64']));
    if (record['$bytes'] === 'ArrayBuffer') return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const Typed = TYPED[record['$bytes'] as TypedName] as unknown as new (buffer: ArrayBufferLike) => unknown;
    return new Typed(bytes.slice().buffer);
  }
  const object = '$object' in record ? (record['$object'] as Record<string, unknown>) : record;
  return Object.fromEntries(Object.entries(object).map(([key, item]) => [key, fromJson(item)]));
}
