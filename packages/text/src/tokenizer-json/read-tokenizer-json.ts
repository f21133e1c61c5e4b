import { InvalidSpecError } from '@jointok/core';
import { jsonTextDepth, MAX_JSON_DEPTH, valueDepth } from '@jointok/core/internal';
import { object, type Spec } from './spec.js';

/**
 * The root object of a tokenizer.json given as text or as an already parsed object.
 *
 * @throws InvalidSpecError at `$` when the text is not JSON or the root is not an object
 */
export function readTokenizerJson(json: string | object): Spec {
  let parsed: unknown = json;
  // Components nest (Sequence of Sequence of ...): bounded, so a hostile file cannot overflow the stack.
  if (typeof json === 'string' ? jsonTextDepth(json) > MAX_JSON_DEPTH : valueDepth(json) > MAX_JSON_DEPTH) {
    throw new InvalidSpecError({ path: '$', expected: `tokenizer.json nested at most ${MAX_JSON_DEPTH} levels deep`, received: 'a deeper document' });
  }
  if (typeof json === 'string') {
    try {
      parsed = JSON.parse(json);
    } catch (cause) {
      throw new InvalidSpecError({ path: '$', expected: 'tokenizer.json text (valid JSON)', received: json.slice(0, 40), cause });
    }
  }
  return object(parsed, '$');
}
