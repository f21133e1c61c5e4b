import { InvalidSpecError, UnsupportedError } from '@jointok/core';
import { describeValue } from '@jointok/core/internal';

/** A JSON object read from tokenizer.json. */
export type Spec = Record<string, unknown>;

/** The object at `path`, or an {@link InvalidSpecError} naming it. */
export function object(value: unknown, path: string): Spec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidSpecError({ path, expected: 'an object', received: value });
  return value as Spec;
}

/** The array at `path`. */
export function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new InvalidSpecError({ path, expected: 'an array', received: value });
  return value;
}

/** The string at `path`. */
export function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new InvalidSpecError({ path, expected: 'a string', received: value });
  return value;
}

/** The boolean at `path`, or `fallback` when absent. */
export function boolean(value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new InvalidSpecError({ path, expected: 'a boolean', received: value });
  return value;
}

/** The non-negative integer at `path`. */
export function integer(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new InvalidSpecError({ path, expected: 'a non-negative integer', received: value });
  return value;
}

/** Throws an {@link UnsupportedError} naming the component at `path` and its `type`. */
export function unsupported(path: string, type: unknown, supported: readonly string[]): never {
  throw new UnsupportedError({ feature: `tokenizer.json component ${path} of type ${describeValue(type, 80)}`, supported });
}

/** A `pattern` object: `{ String: "..." }` or `{ Regex: "..." }`. */
export function pattern(value: unknown, path: string): { kind: 'String' | 'Regex'; source: string } {
  const spec = object(value, path);
  if (typeof spec.String === 'string') return { kind: 'String', source: spec.String };
  if (typeof spec.Regex === 'string') return { kind: 'Regex', source: spec.Regex };
  throw new InvalidSpecError({ path, expected: '{ "String": ... } or { "Regex": ... }', received: value });
}
