/**
 * Browser defaults of the loading seam: repositories with the Cache API cache, sessions on
 * onnxruntime-web. Codebook searches stay in TypeScript (measured faster than onnxruntime-web on one
 * WASM thread); pass `nearestSearch` to change that. `index.browser.ts` re-exports this `loadTokenizer`.
 */
import type { ModalityTokenizer } from '../modality/modality-tokenizer.js';
import { loadRepository } from '../repository/browser/load-repository.js';
import type { ModelRepository } from '../repository/load/model-repository.js';
import { createSession } from '../runtime/browser.js';
import { loadTokenizerWith, type LoadTokenizerOptions } from './load-tokenizer-with.js';

/**
 * Loads a tokenizer from a model repository (http(s) URL, `hf:owner/name@revision`, or an already
 * loaded repository) with the family plug-in for its `modality` and `family`. Browsers: files are cached
 * with the Cache API, ONNX graphs run on onnxruntime-web.
 *
 * @throws UnknownFamilyError when no family runs the repository's `family` (naming the package to install)
 * @throws ModalityMismatchError when `options.modality` is given and the repository is of another modality
 */
export function loadTokenizer(source: string | URL | ModelRepository, options: LoadTokenizerOptions = {}): Promise<ModalityTokenizer> {
  return loadTokenizerWith({ loadRepository, createSession }, source, options);
}
