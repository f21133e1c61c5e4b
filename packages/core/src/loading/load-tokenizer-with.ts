import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ModalityMismatchError } from '../errors/modality-mismatch-error.js';
import { UnknownFamilyError } from '../errors/unknown-family-error.js';
import type { ModalityTokenizer } from '../modality/modality-tokenizer.js';
import type { Modality } from '../modality/token-block.js';
import type { AsyncNearestSearch } from '../quantizers/search/async-nearest-search.js';
import type { LoadRepositoryOptions } from '../repository/load/load-options.js';
import type { ModelRepository } from '../repository/load/model-repository.js';
import type { Session } from '../runtime/session.js';
import type { CreateSessionOptions, ModelSource } from '../runtime/session-options.js';
import { checkFamily, registeredTokenizerFamilies } from './family-registry.js';
import { MODALITY_PACKAGES } from './modality-packages.js';
import type { TokenizerFamily } from './tokenizer-family.js';

/** Options of `loadTokenizer`: everything `loadRepository` takes, plus where families come from. */
export interface LoadTokenizerOptions extends Omit<LoadRepositoryOptions, 'configAdapters'> {
  /** Families to choose from, before the registered ones (see `registerTokenizerFamilies`). */
  families?: readonly TokenizerFamily[];
  /** The modality the caller expects; another one is a `ModalityMismatchError`. */
  modality?: Modality;
  /** ONNX session settings for every graph the tokenizer opens (`threads`, `executionProviders`, `ort`). */
  session?: Omit<CreateSessionOptions, 'signal'>;
  /** Where `encodeAsync` searches codebooks; default: the platform's (`defaultNearestSearch()` in Node). */
  nearestSearch?: AsyncNearestSearch;
  /** Settings for the family only; each family documents its own. */
  familyOptions?: Readonly<Record<string, unknown>>;
}

/** What a platform entry (Node, browser, neutral) supplies to `loadTokenizer`. */
export interface TokenizerPlatform {
  loadRepository(source: string, options: LoadRepositoryOptions): Promise<ModelRepository>;
  createSession(model: ModelSource, options?: CreateSessionOptions): Promise<Session>;
  defaultNearestSearch?(): AsyncNearestSearch;
}

/**
 * `loadTokenizer` with an explicit platform: loads the repository (unless one is given), picks the
 * family plug-in for its `modality` and `family`, and lets it build the tokenizer.
 */
export async function loadTokenizerWith(platform: TokenizerPlatform, source: string | URL | ModelRepository, options: LoadTokenizerOptions = {}): Promise<ModalityTokenizer> {
  const families = [...(options.families ?? []).map((family, i) => checkFamily(family, `options.families[${i}]`)), ...registeredTokenizerFamilies()];
  const repository = await openRepository(platform, source, options, families);
  const { modality, family } = repository.manifest;
  if (options.modality !== undefined && modality !== options.modality) {
    throw new ModalityMismatchError({ expected: options.modality, received: modality, subject: `The model at ${repository.source.input} (family ${family})` });
  }
  const plugin = families.find((f) => f.family === family && f.modality === modality);
  if (plugin === undefined) {
    const known = [...new Set(families.filter((f) => f.modality === modality).map((f) => f.family))];
    throw new UnknownFamilyError({ family, modality, known, packageName: MODALITY_PACKAGES[modality] });
  }
  options.signal?.throwIfAborted();
  const { session = {} } = options;
  const nearestSearch = options.nearestSearch ?? platform.defaultNearestSearch?.();
  const tokenizer = await plugin.load(repository, {
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.variant === undefined ? {} : { variant: options.variant }),
    ...(nearestSearch === undefined ? {} : { nearestSearch }),
    ...(options.familyOptions === undefined ? {} : { familyOptions: options.familyOptions }),
    createSession: (model, sessionOptions) => platform.createSession(model, { ...session, ...(options.signal === undefined ? {} : { signal: options.signal }), ...sessionOptions }),
  });
  if (tokenizer?.modality !== modality) {
    await tokenizer?.dispose?.();
    throw new ModalityMismatchError({ expected: modality, received: String(tokenizer?.modality), subject: `The tokenizer built by family ${plugin.family}` });
  }
  return tokenizer;
}

async function openRepository(platform: TokenizerPlatform, source: string | URL | ModelRepository, options: LoadTokenizerOptions, families: readonly TokenizerFamily[]): Promise<ModelRepository> {
  if (typeof source === 'string' || source instanceof URL) {
    const { families: _families, modality: _modality, session: _session, nearestSearch: _search, familyOptions: _familyOptions, ...repositoryOptions } = options;
    const configAdapters = families.flatMap((f) => (f.configAdapter === undefined ? [] : [f.configAdapter]));
    return platform.loadRepository(String(source), { ...repositoryOptions, configAdapters });
  }
  if (typeof source !== 'object' || source === null || typeof (source as ModelRepository).file !== 'function' || typeof (source as ModelRepository).manifest !== 'object') {
    throw new InvalidArgumentError({ argument: 'source', expected: 'a model source (folder path, URL, hf: id) or a loaded ModelRepository', received: source });
  }
  return source;
}
