/**
 * Node defaults of the loading seam: repositories with the filesystem cache, sessions on
 * onnxruntime-node, large codebook searches on onnxruntime-node. `index.node.ts` re-exports this
 * `loadTokenizer` in place of the neutral one.
 */
import type { ModalityTokenizer } from '../modality/modality-tokenizer.js';
import { loadRepository } from '../repository/node/load-repository.js';
import type { ModelRepository } from '../repository/load/model-repository.js';
import { createSession, defaultNearestSearch } from '../runtime/node.js';
import type { Quantizer } from '../quantizers/quantizer.js';
import { createQuantizerFromRepository as createNeutralQuantizerFromRepository, type QuantizerFromRepositoryOptions } from './create-quantizer-from-repository.js';
import { loadTokenizerWith, type LoadTokenizerOptions } from './load-tokenizer-with.js';

/**
 * Loads a tokenizer from a model repository (folder path, http(s) URL, `hf:owner/name@revision`, or an
 * already loaded repository) with the family plug-in for its `modality` and `family`. Node: files are
 * cached on disk, ONNX graphs run on onnxruntime-node, large codebook searches too.
 *
 * @example
 * import { loadTokenizer } from '@jointok/core';
 * import { imageFamilies } from '@jointok/image';
 * await using tokenizer = await loadTokenizer('./models/llamagen-vq16', { families: imageFamilies });
 * const block = await tokenizer.encode(pixels);
 *
 * @throws UnknownFamilyError when no family runs the repository's `family` (naming the package to install)
 * @throws ModalityMismatchError when `options.modality` is given and the repository is of another modality
 */
export function loadTokenizer(source: string | URL | ModelRepository, options: LoadTokenizerOptions = {}): Promise<ModalityTokenizer> {
  return loadTokenizerWith({ loadRepository, createSession, defaultNearestSearch }, source, options);
}

/**
 * Node: `createQuantizerFromRepository` whose quantizer searches large codebooks on onnxruntime-node
 * in `encodeAsync` (`defaultNearestSearch()`), unless `options.nearestSearch` says otherwise.
 */
export function createQuantizerFromRepository(repository: ModelRepository, options: QuantizerFromRepositoryOptions = {}): Promise<Quantizer> {
  return createNeutralQuantizerFromRepository(repository, { ...options, nearestSearch: options.nearestSearch ?? defaultNearestSearch() });
}
