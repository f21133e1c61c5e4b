import { InvalidSpecError } from '@jointok/core';
import { object, type Spec } from './spec.js';

/**
 * The root object of a tokenizer.json given as text or as an already parsed object.
 *
 * @throws InvalidSpecError at `$` when the text is not JSON or the root is not an object
 */
export function readTokenizerJson(json: string | object): Spec {
  let parsed: unknown = json;
  if (typeof json === 'string') {
    try {
      parsed = JSON.parse(json);
    } catch (cause) {
      throw new InvalidSpecError({ path: '$', expected: 'tokenizer.json text (valid JSON)', received: json.slice(0, 40), cause });
    }
  }
  return object(parsed, '$');
}
