// Image's fuzz targets (not published: tests and bench/fuzz import them from source).
import type { AnyFuzzTarget } from '@jointok/core/fuzz';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readImageTarget } from './read-image-target.js';

export { readImageTarget };
export { imageFormat, jpegFormat, pngFormat } from './image-formats.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Where image's committed regression inputs live. */
export const regressionFolder = join(here, '__fixtures__', 'regressions');

/** The committed PNG and JPEG codec fixtures. */
export function imageSeeds(): Uint8Array[] {
  const folder = join(here, '..', 'codecs', '__fixtures__', 'files');
  return readdirSync(folder)
    .filter((name) => /\.(png|jpe?g)$/.test(name))
    .sort()
    .map((name) => new Uint8Array(readFileSync(join(folder, name))));
}

/** Every image target. */
export function imageFuzzTargets(): AnyFuzzTarget[] {
  return [readImageTarget(imageSeeds())] as AnyFuzzTarget[];
}
