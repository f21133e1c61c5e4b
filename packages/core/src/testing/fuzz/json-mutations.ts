import fc from 'fast-check';
import { hostileJsonValue, hostileValue } from './hostile-values.js';

/** One structural edit of a JSON document: at the `node`-th node (modulo the node count, document order). */
export type JsonMutation =
  | { readonly kind: 'replace'; readonly node: number; readonly value: unknown }
  | { readonly kind: 'delete'; readonly node: number }
  | { readonly kind: 'add-key'; readonly node: number; readonly key: string; readonly value: unknown }
  | { readonly kind: 'duplicate'; readonly node: number; readonly times: number }
  | { readonly kind: 'wrap'; readonly node: number; readonly as: 'array' | 'object' }
  | { readonly kind: 'copy'; readonly node: number; readonly from: number };

/** Arbitrary structural edits; `objectsOnly` adds values JSON text cannot hold (NaN, BigInt, undefined). */
export function jsonMutation(options: { nonJson?: boolean; keys?: readonly string[] } = {}): fc.Arbitrary<JsonMutation> {
  const value = options.nonJson ? hostileValue() : hostileJsonValue();
  const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', '', 'type', 'x', ...(options.keys ?? [])), fc.string({ maxLength: 8 }));
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), node: fc.nat(), value }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), node: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('add-key' as const), node: fc.nat(), key, value }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), node: fc.nat(), times: fc.constantFrom(1, 2, 100, 5000) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap' as const), node: fc.nat(), as: fc.constantFrom('array' as const, 'object' as const) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('copy' as const), node: fc.nat(), from: fc.nat() }) },
  );
}

interface Slot {
  readonly parent: unknown[] | Record<string, unknown>;
  readonly key: number | string;
}

/** Every child slot of a document, parents before children. */
function slots(root: unknown): Slot[] {
  const out: Slot[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0 && out.length < 10_000) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length && i < 64; i++) {
        out.push({ parent: node, key: i });
        stack.push(node[i]);
      }
    } else if (node !== null && typeof node === 'object' && !ArrayBuffer.isView(node)) {
      for (const key of Object.keys(node).slice(0, 64)) {
        out.push({ parent: node as Record<string, unknown>, key });
        stack.push((node as Record<string, unknown>)[key]);
      }
    }
  }
  return out;
}

/** Applies edits to a deep copy of a JSON document (the root itself may be replaced). */
export function applyJsonMutations(document: unknown, mutations: readonly JsonMutation[]): unknown {
  const box: Record<string, unknown> = { root: structuredClone(document) };
  for (const m of mutations) {
    const all = [{ parent: box, key: 'root' } as Slot, ...slots(box['root'])];
    const slot = all[m.node % all.length]!;
    const parent = slot.parent as Record<string | number, unknown>;
    const current = parent[slot.key];
    switch (m.kind) {
      case 'replace':
        parent[slot.key] = m.value;
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(slot.key as number, 1);
        else if (parent !== box) delete parent[slot.key];
        break;
      case 'add-key':
        if (current !== null && typeof current === 'object' && !Array.isArray(current)) Object.defineProperty(current, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        break;
      case 'duplicate':
        if (Array.isArray(parent)) parent.splice(slot.key as number, 0, ...new Array<unknown>(m.times).fill(current));
        break;
      case 'wrap':
        parent[slot.key] = m.as === 'array' ? [current] : { value: current };
        break;
      case 'copy': {
        const source = all[m.from % all.length]!;
        // Shared rather than cloned: a copied subtree may be nested far deeper than a clone can recurse.
        parent[slot.key] = (source.parent as Record<string | number, unknown>)[source.key];
        break;
      }
    }
  }
  return box['root'];
}

/** Damage to JSON text: cut, bytes deleted or repeated, fragments of JSON syntax inserted. */
export type TextMutation =
  | { readonly kind: 'cut'; readonly at: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'repeat'; readonly at: number; readonly length: number; readonly times: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string };

/** Arbitrary text edits for JSON documents. */
export function textMutation(): fc.Arbitrary<TextMutation> {
  const fragment = fc.oneof(fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\\u', '\\ud800', '\u0000', '1e999', '-', '-0', 'NaN', 'null', '"__proto__":', '{"a":', '\ufeff', '\ud800', '/*', '9'.repeat(400)), fc.string({ maxLength: 6 }));
  return fc.oneof(
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }), times: fc.constantFrom(1, 2, 50) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fragment }),
  );
}

/** Applies text edits (positions modulo the text's length). */
export function applyTextMutations(text: string, mutations: readonly TextMutation[]): string {
  let out = text;
  for (const m of mutations) {
    const n = out.length;
    const at = m.at % (n + 1);
    if (m.kind === 'cut') out = out.slice(0, at);
    else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else if (m.kind === 'repeat') out = out.slice(0, at) + out.slice(at, at + m.length).repeat(m.times + 1) + out.slice(at + m.length);
    else out = out.slice(0, at) + m.text + out.slice(at);
  }
  return out;
}
