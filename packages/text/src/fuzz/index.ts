// Text's fuzz targets (not published: tests and bench/fuzz import them from source).
import type { AnyFuzzTarget } from '@jointok/core/fuzz';
import { byteFallbackTokenizerJson, SEED_PATTERN, textSeeds } from './seeds.js';
import { tiktokenTarget } from './tiktoken-target.js';
import { tokenizerJsonTarget } from './tokenizer-json-target.js';

export { tiktokenTarget, tokenizerJsonTarget };
export { regressionFolder } from './seeds.js';

/** Every text target, built from the seed vocabularies. */
export function textFuzzTargets(): AnyFuzzTarget[] {
  const seeds = textSeeds();
  return [tiktokenTarget({ tiktoken: seeds.tiktoken, pattern: SEED_PATTERN, specialTokens: seeds.specialTokens }), tokenizerJsonTarget([seeds.tokenizerJson, byteFallbackTokenizerJson])] as AnyFuzzTarget[];
}
