import {
  createQuantizerFromRepository,
  InvalidSpecError,
  validateCodeSpace,
  type ConfigAdapter,
  type FamilyLoadOptions,
  type ModelRepository,
  type Quantizer,
  type Session,
  type Tensor,
  type TokenBlock,
  type TokenizerFamily,
} from '@jointok/core';
import { createPostprocessor } from '../recipes/postprocessor.js';
import { createPreprocessor } from '../recipes/preprocessor.js';
import { createImageTokenizer, type ImageReader } from '../tokenizer/create-image-tokenizer.js';
import type { ImageTokenizer } from '../tokenizer/image-tokenizer.js';

/** What distinguishes one image family from the standard pipeline. */
export interface ImageFamilyDefinition {
  /** The manifest `family` it runs. */
  readonly family: string;
  /** Reads `config.json` of folders published for other runtimes (onnx-community). */
  readonly configAdapter?: ConfigAdapter;
  /** The decoder's input for a block, when it is not the quantizer's decoded latents (see `ImageTokenizerParts`). */
  readonly decoderFeed?: (block: TokenBlock<'image'>, quantizer: Quantizer | undefined) => Tensor;
  /** A check of a block before decoding (see `ImageTokenizerParts.checkBlock`). */
  readonly checkBlock?: (block: TokenBlock<'image'>) => void;
}

/** The file of a role, or undefined; a role listed twice is a manifest error. */
function fileWithRole(repository: ModelRepository, role: string): string | undefined {
  const files = repository.manifest.files.filter((f) => f.role === role);
  if (files.length > 1) throw new InvalidSpecError({ path: 'files', expected: `at most one file with role "${role}"`, received: files.map((f) => f.path) });
  return files[0]?.path;
}

/**
 * A tokenizer family for the standard image pipeline: the manifest's `preprocessing` recipe, the file with
 * role `encoder` (pixels → latents, optional), its `quantizer` with the safetensors weights of role
 * `quantizer` (optional when the graphs take codes), the file with role `decoder`, its `postprocessing`.
 * Every published family that fits this shape is one call; families that differ pass a hook.
 */
export function createImageFamily(definition: ImageFamilyDefinition, readImage: ImageReader): TokenizerFamily<ImageTokenizer> {
  return {
    family: definition.family,
    modality: 'image',
    packageName: '@jointok/image',
    ...(definition.configAdapter === undefined ? {} : { configAdapter: definition.configAdapter }),
    async load(repository: ModelRepository, options: FamilyLoadOptions): Promise<ImageTokenizer> {
      const { manifest } = repository;
      const codeSpace = validateCodeSpace(manifest.codeSpace, 'codeSpace');
      const preprocessor = createPreprocessor(manifest.preprocessing ?? { steps: [] });
      const postprocessor = createPostprocessor(manifest.postprocessing ?? { steps: [] });
      const decoderPath = fileWithRole(repository, 'decoder');
      if (decoderPath === undefined) throw new InvalidSpecError({ path: 'files', expected: 'a file with role "decoder"', received: manifest.files.map((f) => f.path) });
      const encoderPath = fileWithRole(repository, 'encoder');
      const fileOptions = options.signal === undefined ? {} : { signal: options.signal };
      const sessions: Session[] = [];
      const open = async (path: string): Promise<Session> => {
        const session = await options.createSession(await repository.file(path, fileOptions));
        sessions.push(session);
        return session;
      };
      const release = async () => {
        await Promise.all(sessions.map((s) => s.release()));
      };
      try {
        const quantizer = manifest.quantizer === undefined ? undefined : await createQuantizerFromRepository(repository, { ...fileOptions, ...(options.nearestSearch === undefined ? {} : { nearestSearch: options.nearestSearch }) });
        const encoder = encoderPath === undefined ? undefined : await open(encoderPath);
        const decoder = await open(decoderPath);
        return createImageTokenizer({
          manifest,
          codeSpace,
          preprocessor,
          postprocessor,
          readImage,
          decoder,
          release,
          ...(encoder === undefined ? {} : { encoder }),
          ...(quantizer === undefined ? {} : { quantizer }),
          ...(definition.decoderFeed === undefined ? {} : { decoderFeed: definition.decoderFeed }),
          ...(definition.checkBlock === undefined ? {} : { checkBlock: definition.checkBlock }),
        });
      } catch (error) {
        await release();
        throw error;
      }
    },
  };
}
