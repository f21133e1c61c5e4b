import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import type { ConfigAdapter } from '../adapters/config-adapter.js';
import { manifestFromConfig } from '../adapters/manifest-from-config.js';
import { DEFAULT_MAX_JSON_BYTES } from '../download/transfer-options.js';
import { DownloadError } from '../errors/download-error.js';
import { OfflineError } from '../errors/offline-error.js';
import { RepositoryNotFoundError } from '../errors/repository-not-found-error.js';
import { MANIFEST_FILE, type Manifest } from '../manifest/manifest.js';
import { jsonTextDepth, MAX_JSON_DEPTH } from '../../spec-input/json-depth.js';
import { parseManifest } from '../manifest/parse-manifest.js';
import type { FileAccess, ReadOptions } from './file-access.js';

/** A repository's manifest and where it came from. */
export interface LoadedManifest {
  readonly manifest: Manifest;
  readonly format: 'jointok' | 'onnx-community';
}

/**
 * Reads `jointok.json`; without one, builds the manifest from an onnx-community `config.json`.
 * Both are small and may change under a branch name, so they are revalidated when online.
 *
 * @throws RepositoryNotFoundError when neither exists; OfflineError when neither is cached offline.
 */
export async function loadManifest(access: FileAccess, options: Omit<ReadOptions, 'revalidate' | 'maxBytes'>, adapters: readonly ConfigAdapter[]): Promise<LoadedManifest> {
  const read = { ...options, revalidate: true, maxBytes: DEFAULT_MAX_JSON_BYTES };
  let missing: unknown;
  try {
    return { manifest: parseManifest(await access.read({ path: MANIFEST_FILE }, read)), format: 'jointok' };
  } catch (error) {
    if (!isNotFound(error) && !OfflineError.isInstance(error)) throw error;
    missing = error;
  }
  let config: Uint8Array;
  try {
    config = await access.read({ path: 'config.json' }, read);
  } catch (error) {
    if (OfflineError.isInstance(missing)) throw missing;
    if (isNotFound(error)) throw new RepositoryNotFoundError({ source: access.source.input, cause: error });
    throw error;
  }
  return { manifest: manifestFromConfig(parseJson(config, 'config.json'), adapters), format: 'onnx-community' };
}

/** A missing file: HTTP 404 (local readers report a missing file the same way). */
export function isNotFound(error: unknown): boolean {
  return DownloadError.isInstance(error) && error.status === 404;
}

/** Parses JSON bytes. @throws InvalidSpecError naming the file. */
export function parseJson(bytes: Uint8Array, file: string): unknown {
  const text = new TextDecoder().decode(bytes);
  if (jsonTextDepth(text) > MAX_JSON_DEPTH) throw new InvalidSpecError({ path: file, expected: `JSON nested at most ${MAX_JSON_DEPTH} deep`, received: 'a deeper document', message: `${file} is nested more than ${MAX_JSON_DEPTH} levels deep.` });
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new InvalidSpecError({ path: file, expected: 'valid JSON', received: text.slice(0, 40), message: `${file} is not valid JSON: ${(cause as Error).message}`, cause });
  }
}
