// Video's fuzz targets (not published: tests and bench/fuzz import them from source).
import type { AnyFuzzTarget } from '@jointok/core/fuzz';
import { readdirSync } from 'node:fs';
import { readFixture, fixturePath } from '../testing/fixtures.js';
import { readY4mTarget } from './read-y4m-target.js';

export { readY4mTarget };

/** Where video's committed regression inputs live. */
export const regressionFolder = new URL('./__fixtures__/regressions', import.meta.url).pathname;

/** The committed Y4M clips. */
export function y4mSeeds(): Uint8Array[] {
  return readdirSync(fixturePath('clips'))
    .filter((name) => name.endsWith('.y4m'))
    .sort()
    .map((name) => readFixture(`clips/${name}`));
}

/** Every video target. */
export function videoFuzzTargets(): AnyFuzzTarget[] {
  return [readY4mTarget(y4mSeeds())] as AnyFuzzTarget[];
}
