import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { TokenizerFamily } from './tokenizer-family.js';

// One registry per process even when two copies of core are installed: the key is global.
const KEY = Symbol.for('jointok.tokenizer-families');

function registry(): Map<string, TokenizerFamily> {
  const holder = globalThis as unknown as Record<symbol, Map<string, TokenizerFamily> | undefined>;
  return (holder[KEY] ??= new Map());
}

/** Checks that a value is a usable family plug-in. */
export function checkFamily(value: unknown, argument: string): TokenizerFamily {
  const family = value as Partial<TokenizerFamily> | undefined;
  if (typeof family !== 'object' || family === null || typeof family.family !== 'string' || family.family === '' || typeof family.modality !== 'string' || typeof family.load !== 'function') {
    throw new InvalidArgumentError({ argument, expected: 'a TokenizerFamily { family, modality, load(repository, options) }', received: value });
  }
  return family as TokenizerFamily;
}

/**
 * Makes families available to every later `loadTokenizer` call in this process (a family registered
 * again replaces the earlier one of the same modality and name). Importing a package never registers
 * anything by itself — bundles stay tree-shakable — so call this once at start-up, or pass
 * `families` to `loadTokenizer` instead. Returns a function that unregisters them.
 *
 * @example
 * import { imageFamilies } from '@jointok/image';
 * registerTokenizerFamilies(imageFamilies);
 * const tokenizer = await loadTokenizer('hf:me/my-llamagen-export');
 */
export function registerTokenizerFamilies(families: readonly TokenizerFamily[]): () => void {
  if (!Array.isArray(families)) throw new InvalidArgumentError({ argument: 'families', expected: 'an array of tokenizer families', received: families });
  const checked = families.map((family, i) => checkFamily(family, `families[${i}]`));
  const map = registry();
  for (const family of checked) map.set(`${family.modality}/${family.family}`, family);
  return () => {
    for (const family of checked) {
      const key = `${family.modality}/${family.family}`;
      if (map.get(key) === family) map.delete(key);
    }
  };
}

/** The families registered with {@link registerTokenizerFamilies}, in registration order. */
export function registeredTokenizerFamilies(): readonly TokenizerFamily[] {
  return [...registry().values()];
}
