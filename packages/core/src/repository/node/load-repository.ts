import type { LoadRepositoryOptions } from '../load/load-options.js';
import { loadRepositoryWith } from '../load/load-repository-with.js';
import type { ModelRepository } from '../load/model-repository.js';
import { createNodePlatform } from './node-platform.js';

/**
 * Loads a model repository in Node from a folder, an http(s) URL or `hf:owner/name[@revision]`,
 * caching downloads under `~/.cache/jointok` (or `cacheDir`, or `$JOINTOK_CACHE`).
 *
 * @example
 * const repo = await loadRepository('hf:onnx-community/snac_24khz-ONNX', {
 *   configAdapters: [snacConfigAdapter], // from @jointok/audio: the folder has a config.json, no jointok.json
 *   onProgress: ({ file, loaded, total }) => console.log(file, loaded, total),
 * });
 * const decoder = await repo.file('onnx/decoder_model.onnx', { variant: 'fp16' });
 */
export function loadRepository(source: string, options: LoadRepositoryOptions = {}): Promise<ModelRepository> {
  return loadRepositoryWith(createNodePlatform(), source, options);
}
