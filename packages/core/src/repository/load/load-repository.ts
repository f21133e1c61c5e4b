import type { LoadRepositoryOptions } from './load-options.js';
import { loadRepositoryWith } from './load-repository-with.js';
import type { ModelRepository } from './model-repository.js';
import { createNeutralPlatform } from './neutral-platform.js';

/**
 * Loads a model repository from an http(s) URL or `hf:owner/name[@revision]` (and, in Node, a
 * folder). The Node and browser builds of `@jointok/core` replace this with versions that add a
 * filesystem or Cache API cache; this runtime-neutral one caches only when given `cache`.
 *
 * @example
 * const repo = await loadRepository('hf:onnx-community/mimi-ONNX', { configAdapters: [mimiConfigAdapter], signal: AbortSignal.timeout(60_000) });
 * repo.manifest.codeSpace; // { axes: ['codebooks', 'frames'], streams: [{ name: 'semantic0', codebookSize: 2048 }, ...], frameRate: 12.5 }
 * const encoder = await repo.file('onnx/encoder_model.onnx');
 */
export function loadRepository(source: string, options: LoadRepositoryOptions = {}): Promise<ModelRepository> {
  return loadRepositoryWith(createNeutralPlatform(), source, options);
}
