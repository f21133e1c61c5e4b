import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_JSON_BYTES, DEFAULT_STALL_TIMEOUT_MS } from '../download/transfer-options.js';
import { resolveSource } from '../source/resolve-source.js';
import { findFileEntry } from './find-file-entry.js';
import { openFileAccess } from './file-access.js';
import type { FileOptions, LoadRepositoryOptions } from './load-options.js';
import { loadManifest, parseJson } from './load-manifest.js';
import type { ModelRepository } from './model-repository.js';
import type { RepositoryPlatform } from './repository-platform.js';

/**
 * Loads a repository with an explicit platform. `loadRepository` from the package entry calls this
 * with the Node or browser platform; runtimes with neither can pass their own.
 */
export async function loadRepositoryWith(platform: RepositoryPlatform, source: string, options: LoadRepositoryOptions = {}): Promise<ModelRepository> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new InvalidArgumentError({ argument: 'maxBytes', expected: 'a positive integer', received: options.maxBytes });
  const retries = options.retries ?? 2;
  if (!Number.isSafeInteger(retries) || retries < 0) throw new InvalidArgumentError({ argument: 'retries', expected: 'an integer >= 0', received: options.retries });
  const stallMs = options.stallTimeout ?? DEFAULT_STALL_TIMEOUT_MS;
  if (typeof stallMs !== 'number' || !(stallMs >= 0) || stallMs > 2 ** 31 - 1) throw new InvalidArgumentError({ argument: 'stallTimeout', expected: 'milliseconds >= 0 (0: no stall check)', received: options.stallTimeout });
  const fetch = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (typeof fetch !== 'function') throw new InvalidArgumentError({ argument: 'fetch', expected: 'a fetch function (none is global here)', received: fetch });
  options.signal?.throwIfAborted();

  const defaults = platform.defaults(options);
  const resolved = resolveSource(source, { endpoint: defaults.endpoint });
  const access = await openFileAccess(platform, resolved, { cache: defaults.cache, token: defaults.token, offline: defaults.offline, maxBytes, retries, stallMs, fetch });
  const { manifest, format } = await loadManifest(access, { signal: options.signal, onProgress: options.onProgress }, options.configAdapters ?? []);

  const call = (fileOptions: FileOptions | undefined) => ({
    signal: combine(options.signal, fileOptions?.signal),
    onProgress: fileOptions?.onProgress ?? options.onProgress,
  });
  const entryOf = (path: string, variant: string | undefined) => findFileEntry(manifest, path, variant ?? (path.endsWith('.onnx') ? options.variant : undefined));

  return {
    source: access.source,
    manifest,
    format,
    // async, so that a bad path rejects the promise rather than throwing from the call.
    file: async (path, fileOptions) => access.read(entryOf(path, fileOptions?.variant), { ...call(fileOptions), revalidate: false, maxBytes }),
    fileUrl: (path, fileOptions) => access.url(entryOf(path, fileOptions?.variant).path),
    json: async <T>(path: string, fileOptions?: Omit<FileOptions, 'variant'>) => {
      const bytes = await access.read(findFileEntry(manifest, path, undefined), { ...call(fileOptions), revalidate: false, maxBytes: Math.min(maxBytes, DEFAULT_MAX_JSON_BYTES) });
      return parseJson(bytes, path) as T;
    },
  };
}

function combine(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return AbortSignal.any([a, b]);
}
