import type { ModalityTokenizer } from '../modality/modality-tokenizer.js';
import { loadRepository } from '../repository/load/load-repository.js';
import { createSession } from '../runtime/create-session.js';
import type { ModelRepository } from '../repository/load/model-repository.js';
import { loadTokenizerWith, type LoadTokenizerOptions } from './load-tokenizer-with.js';


/**
 * Loads a tokenizer from a model repository (folder path, http(s) URL, `hf:owner/name@revision`, or an
 * already loaded repository): reads its `jointok.json` (or an onnx-community `config.json`), finds the
 * family plug-in for its `modality` and `family` among `options.families` and the registered ones, and
 * returns the tokenizer it builds. Takes every option of `loadRepository` (cache, progress, `signal`,
 * `offline`, ...). Dispose the tokenizer when done (`await tokenizer.dispose()`, or `await using`).
 *
 * This runtime-neutral version needs `options.session.ort`; the Node and browser entries default to
 * onnxruntime-node / onnxruntime-web and their caches.
 *
 * @example
 * import { loadTokenizer } from '@jointok/core';
 * import { imageFamilies } from '@jointok/image';
 * const tokenizer = await loadTokenizer('hf:me/llamagen-vq16', { families: imageFamilies });
 * const block = await tokenizer.encode(pixels); // TokenBlock { modality: 'image', shape: [16, 16], ... }
 *
 * @throws UnknownFamilyError when no family runs the repository's `family` (naming the package to install)
 * @throws ModalityMismatchError when `options.modality` is given and the repository is of another modality
 */
export function loadTokenizer(source: string | URL | ModelRepository, options: LoadTokenizerOptions = {}): Promise<ModalityTokenizer> {
  return loadTokenizerWith({ loadRepository, createSession }, source, options);
}
