import { InvalidSpecError, UnsupportedError } from '@jointok/core';
import { describeValue } from '@jointok/core/internal';
import { MAX_PATTERN_LENGTH, MAX_TOKEN_LITERAL_LENGTH } from '../pretokenize/literal-regex.js';

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
/** A string the tokenizer matches or inserts (a token, a replacement): at most {@link MAX_TOKEN_LITERAL_LENGTH} characters. */
export function literal(value: unknown, path: string): string {
  const text = string(value, path);
  if (text.length > MAX_TOKEN_LITERAL_LENGTH) throw new InvalidSpecError({ path, expected: `at most ${MAX_TOKEN_LITERAL_LENGTH} characters`, received: `${text.length} characters` });
  return text;
}

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
  if (typeof spec.String === 'string') return { kind: 'String', source: literal(spec.String, `${path}.String`) };
  if (typeof spec.Regex === 'string') {
    if (spec.Regex.length > MAX_PATTERN_LENGTH) throw new InvalidSpecError({ path: `${path}.Regex`, expected: `a pattern of at most ${MAX_PATTERN_LENGTH} characters`, received: `${spec.Regex.length} characters` });
    return { kind: 'Regex', source: spec.Regex };
  }
  throw new InvalidSpecError({ path, expected: '{ "String": ... } or { "Regex": ... }', received: value });
}
