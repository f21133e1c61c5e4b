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
 * ArrayBuffers (as base64 of their bytes), NaN, ±Infinity, -0, BigInts, `undefined` and array holes survive, and
 * objects whose keys start with `$` are escaped. Plain data only (no Maps or class instances), but any
 * graph of it: an object reached twice — a subtree shared by a mutation, or a cycle — is written once
 * and referred to after (`$shared` / `$ref`), so the text grows with the distinct objects, not with the
 * tree they unfold to (a 1M-item array shared 5,000 times is one array, not 5·10⁹ items).
 * Long uniform chains are written compactly; other nesting deeper than 2,000 levels is cut (marked `$cut`).
 */
export function encodeFuzzValue(value: unknown): string {
  return JSON.stringify(new GraphWriter(value).write(value, 0));
}

/** Reads what {@link encodeFuzzValue} wrote (shared objects and cycles restored). */
export function decodeFuzzValue(text: string): unknown {
  return new GraphReader().read(JSON.parse(text));
}

/** Chains of one-item arrays or one-key objects deeper than this are written as `$nested` (JSON text cannot nest that deep). */
const CHAIN = 256;

/** Nesting deeper than this that is not one uniform chain is cut, so that encoding cannot overflow the stack. */
const MAX_DEPTH = 2000;

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/** Children of a container the writer descends into (typed arrays and buffers are leaves). */
function childrenOf(value: object): unknown[] {
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return [];
  return Array.isArray(value) ? Array.from(value) : Object.values(value);
}

/** Counts how often every object is reached (iteratively, each object's children once), so that shared ones are known before writing. */
function countReferences(root: unknown): Map<object, number> {
  const counts = new Map<object, number>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isContainer(node)) continue;
    const seen = counts.get(node);
    counts.set(node, (seen ?? 0) + 1);
    if (seen === undefined) for (const child of childrenOf(node)) stack.push(child);
  }
  return counts;
}

class GraphWriter {
  private readonly counts: Map<object, number>;
  private readonly ids = new Map<object, number>();

  constructor(root: unknown) {
    this.counts = countReferences(root);
  }

  private shared(value: unknown): boolean {
    return isContainer(value) && (this.counts.get(value) ?? 0) > 1;
  }

  write(value: unknown, depth: number): unknown {
    if (!isContainer(value)) return leafToJson(value);
    const known = this.ids.get(value);
    if (known !== undefined) return { $ref: known };
    if (!this.shared(value)) return this.body(value, depth);
    const id = this.ids.size;
    this.ids.set(value, id);
    return { $shared: id, value: this.body(value, depth) };
  }

  private body(value: object, depth: number): unknown {
    if (depth > MAX_DEPTH) return { $cut: 'nested deeper than the codec writes' };
    const chain = this.chainOf(value);
    if (chain !== undefined) return chain;
    if (value instanceof ArrayBuffer) return { $bytes: 'ArrayBuffer', base64: encodeBase64(new Uint8Array(value)) };
    if (ArrayBuffer.isView(value)) {
      const name = value.constructor.name as TypedName;
      if (!(name in TYPED)) throw new TypeError(`encodeFuzzValue cannot write a ${value.constructor.name}`);
      return { $bytes: name, base64: encodeBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
    }
    // Holes stay holes (a sparse array passes forEach-based validators that a dense one of undefined fails).
    if (Array.isArray(value)) return Array.from({ length: value.length }, (_, i) => (i in value ? this.write(value[i], depth + 1) : { $hole: true }));
    const entries = Object.entries(value).map(([key, item]) => [key, this.write(item, depth + 1)] as const);
    const object = Object.fromEntries(entries);
    return entries.some(([key]) => key.startsWith('$')) ? { $object: object } : object;
  }

  /** A deep chain `[[[...leaf]]]` or `{k: {k: ...leaf}}` of unshared links as `{ $nested: depth, key, leaf }`, else undefined. */
  private chainOf(value: object): unknown {
    let depth = 0;
    let node: unknown = value;
    let key: string | null | undefined;
    for (;;) {
      // A shared link, a cycle included, ends the chain (it is written as $shared / $ref by write), so
      // that the reader can register every shared object before anything inside it refers back to it.
      if (this.shared(node)) break;
      if (Array.isArray(node) && node.length === 1 && 0 in node && (key === undefined || key === null)) {
        key = null;
      } else if (isContainer(node) && !Array.isArray(node) && !ArrayBuffer.isView(node) && !(node instanceof ArrayBuffer) && Object.keys(node).length === 1) {
        const only = Object.keys(node)[0]!;
        if (key !== undefined && key !== only) break;
        key = only;
      } else break;
      node = key === null ? (node as unknown[])[0] : (node as Record<string, unknown>)[key];
      depth++;
    }
    return depth > CHAIN ? { $nested: depth, key, leaf: this.write(node, 0) } : undefined;
  }
}

function leafToJson(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isNaN(value) || !Number.isFinite(value) || Object.is(value, -0)) return { $number: Object.is(value, -0) ? '-0' : String(value) };
    return value;
  }
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (value === undefined) return { $undefined: true };
  return value;
}

function isHole(item: unknown): boolean {
  return item !== null && typeof item === 'object' && !Array.isArray(item) && (item as Record<string, unknown>)['$hole'] === true && Object.keys(item).length === 1;
}

class GraphReader {
  private readonly shared = new Map<number, unknown>();

  read(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return this.fill([], value);
    const record = value as Record<string, unknown>;
    if (typeof record['$ref'] === 'number') return this.shared.get(record['$ref']);
    if (typeof record['$shared'] === 'number') return this.readShared(record['$shared'], record['value']);
    if (typeof record['$nested'] === 'number') {
      let node = this.read(record['leaf']);
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
    return this.fill({}, '$object' in record ? (record['$object'] as Record<string, unknown>) : record);
  }

  /** A shared object: its container is registered before its children are read, so that a cycle finds it. */
  private readShared(id: number, body: unknown): unknown {
    const isPlainObject = body !== null && typeof body === 'object' && !Array.isArray(body) && !Object.keys(body).some((key) => key.startsWith('$') && key !== '$object');
    const isEscapedObject = body !== null && typeof body === 'object' && '$object' in body;
    if (Array.isArray(body)) {
      const array: unknown[] = [];
      this.shared.set(id, array);
      return this.fill(array, body);
    }
    if (isPlainObject || isEscapedObject) {
      const object: Record<string, unknown> = {};
      this.shared.set(id, object);
      return this.fill(object, isEscapedObject ? ((body as Record<string, unknown>)['$object'] as Record<string, unknown>) : (body as Record<string, unknown>));
    }
    // A typed array, a buffer or a chain: nothing inside it can refer back to it before it exists.
    const value = this.read(body);
    this.shared.set(id, value);
    return value;
  }

  private fill<T extends unknown[] | Record<string, unknown>>(into: T, from: unknown[] | Record<string, unknown>): T {
    if (Array.isArray(from)) {
      const array = into as unknown[];
      for (const item of from) {
        if (isHole(item)) array.length++;
        else array.push(this.read(item));
      }
      return into;
    }
    // defineProperty keeps an own `__proto__` key a plain data property.
    for (const [key, item] of Object.entries(from)) Object.defineProperty(into, key, { value: this.read(item), enumerable: true, writable: true, configurable: true });
    return into;
  }
}
