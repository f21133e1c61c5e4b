import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findSeedFiles, repositoryRoot } from '../testing/fuzz/seed-files.js';

/** The monorepo's root, found from this file. */
export const root = repositoryRoot(dirname(fileURLToPath(import.meta.url)));

/** Where core's committed regression inputs live. */
export const regressionFolder = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'regressions');

/** Every committed file under `packages/` whose path passes `accept` (the seed corpus of a format), with its bytes. */
export function seedFiles(accept: (path: string) => boolean): { path: string; bytes: Uint8Array }[] {
  return findSeedFiles(join(root, 'packages'), accept).map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }));
}

/** The real `jointok.json` files of the repository's model fixtures, parsed. */
export function manifestSeeds(): unknown[] {
  return seedFiles((path) => path.endsWith('/jointok.json')).map(({ bytes }) => JSON.parse(new TextDecoder().decode(bytes)));
}

/** The repository's small safetensors files (under 80 KB: mutations of big ones spend their time copying). */
export function safetensorsSeeds(): Uint8Array[] {
  return seedFiles((path) => path.endsWith('.safetensors')).flatMap(({ bytes }) => (bytes.length < 80_000 ? [bytes] : []));
}
