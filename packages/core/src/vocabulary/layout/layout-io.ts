import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { jsonTextDepth, MAX_JSON_DEPTH } from '../../spec-input/json-depth.js';
import type { LayoutSpec } from './layout-spec.js';
import { validateLayout } from './validate-layout.js';

/** Reads a layout from JSON text (or an already parsed object) and validates it. */
export function loadLayout(source: string | unknown): LayoutSpec {
  if (typeof source !== 'string') return validateLayout(source);
  // Nesting is checked on the text first: V8's JSON.parse takes seconds on a document nested hundreds of thousands deep.
  if (jsonTextDepth(source) > MAX_JSON_DEPTH) throw new InvalidSpecError({ path: '$', expected: `JSON nested at most ${MAX_JSON_DEPTH} deep`, received: 'a deeper document' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (cause) {
    throw new InvalidSpecError({ path: '$', expected: 'valid JSON text', received: source.slice(0, 40), cause });
  }
  return validateLayout(parsed);
}

/**
 * Validates a layout and writes it as JSON text (two-space indent, trailing newline).
 *
 * @throws InvalidSpecError for an invalid layout, or one holding values JSON cannot write (BigInts, cycles)
 */
export function saveLayout(layout: LayoutSpec): string {
  const valid = validateLayout(layout);
  try {
    return `${JSON.stringify(valid, null, 2)}\n`;
  } catch (cause) {
    // A field the layout format does not read may hold what JSON cannot (a BigInt, a cycle).
    throw new InvalidSpecError({ path: '$', expected: 'a layout made of JSON values', received: (cause as Error).message, cause });
  }
}
