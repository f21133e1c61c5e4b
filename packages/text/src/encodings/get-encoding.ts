import { InvalidArgumentError } from '@jointok/core';
import type { Encoding } from '../encoding/index.js';

/** Names of the encodings this package ships. */
export const ENCODING_NAMES = ['o200k_base', 'cl100k_base'] as const;
/** A shipped encoding name. */
export type EncodingName = (typeof ENCODING_NAMES)[number];

/**
 * Loads a shipped encoding. Each vocabulary sits behind a dynamic import, so a bundle carries only
 * the ones it asks for; import `@jointok/text/o200k_base` directly for a synchronous handle.
 */
export async function getEncoding(name: EncodingName): Promise<Encoding> {
  switch (name) {
    case 'o200k_base':
      return (await import('./o200k-base.js')).o200kBase();
    case 'cl100k_base':
      return (await import('./cl100k-base.js')).cl100kBase();
    default:
      throw new InvalidArgumentError({ argument: 'name', expected: `one of ${ENCODING_NAMES.join(', ')}`, received: name });
  }
}
