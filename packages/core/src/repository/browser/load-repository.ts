import type { LoadRepositoryOptions } from '../load/load-options.js';
import { loadRepositoryWith } from '../load/load-repository-with.js';
import type { ModelRepository } from '../load/model-repository.js';
import { createBrowserPlatform } from './browser-platform.js';

/**
 * Loads a model repository in a browser from an http(s) URL or `hf:owner/name[@revision]`, caching
 * files with the Cache API.
 *
 * @example
 * const repo = await loadRepository('hf:onnx-community/dac_44khz-ONNX', {
 *   configAdapters: [dacConfigAdapter], // from @jointok/audio
 *   onProgress: ({ loaded, total }) => (bar.value = total ? loaded / total : 0),
 * });
 */
export function loadRepository(source: string, options: LoadRepositoryOptions = {}): Promise<ModelRepository> {
  return loadRepositoryWith(createBrowserPlatform(), source, options);
}
