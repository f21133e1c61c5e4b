import type { ModalityTokenizer } from '../modality/modality-tokenizer.js';
import type { Modality } from '../modality/token-block.js';
import type { AsyncNearestSearch } from '../quantizers/search/async-nearest-search.js';
import type { ConfigAdapter } from '../repository/adapters/config-adapter.js';
import type { ProgressListener } from '../repository/download/progress.js';
import type { ModelRepository } from '../repository/load/model-repository.js';
import type { Session } from '../runtime/session.js';
import type { CreateSessionOptions, ModelSource } from '../runtime/session-options.js';

/**
 * A plug-in that turns a model repository of one `family` into a ready {@link ModalityTokenizer}.
 * Modality packages export theirs (`imageFamilies`, `audioFamilies`); a third-party package writes one
 * the same way, without touching core.
 *
 * @example
 * export const myFamily: TokenizerFamily = {
 *   family: 'my-vq',
 *   modality: 'image',
 *   packageName: 'my-jointok-plugin',
 *   async load(repository, options) {
 *     const encoder = await options.createSession(await repository.file('encoder.onnx'));
 *     const quantizer = await createQuantizerFromRepository(repository, options);
 *     return createModalityTokenizer({ modality: 'image', codeSpace: repository.manifest.codeSpace!, encode, decode, dispose: () => encoder.release() });
 *   },
 * };
 */
export interface TokenizerFamily<T extends ModalityTokenizer = ModalityTokenizer> {
  /** The manifest `family` this plug-in runs (`llamagen`, `snac`, ...). */
  readonly family: string;
  readonly modality: Modality;
  /** The npm package that provides it, for messages. */
  readonly packageName?: string;
  /** Reads the `config.json` of folders published for other runtimes (onnx-community), when the family can run them. */
  readonly configAdapter?: ConfigAdapter;
  /** Builds the tokenizer: opens sessions, reads weights. Must honour `options.signal`. */
  load(repository: ModelRepository, options: FamilyLoadOptions): Promise<T>;
}

/** What `loadTokenizer` hands a family: the platform's defaults, and the caller's settings. */
export interface FamilyLoadOptions {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  /** Weight variant of `.onnx` files (`fp16`, `q4f16`, ...); files without the variant load as they are. */
  variant?: string;
  /** Opens an ONNX session on the platform's runtime, with the caller's session settings already applied. */
  createSession(model: ModelSource, options?: CreateSessionOptions): Promise<Session>;
  /** Where `encodeAsync` searches codebooks: the platform default unless the caller chose. */
  nearestSearch?: AsyncNearestSearch;
  /** Settings for this family only (`{ noise: 'zeros' }`); families document theirs. */
  familyOptions?: Readonly<Record<string, unknown>>;
}
