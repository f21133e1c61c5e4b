import {
  openModelParts,
  validateCodeSpace,
  type ConfigAdapter,
  type CodeSpace,
  type FamilyLoadOptions,
  type Manifest,
  type ModelRepository,
  type Quantizer,
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
  /** A check of a block before decoding (see `ImageTokenizerParts.checkBlock`), given the model's manifest. */
  readonly checkBlock?: (block: TokenBlock<'image'>, manifest: Manifest) => void;
  /**
   * The code space that blocks to decode must fit, from the manifest's (default: the manifest's own). Called
   * once at load, so it may validate the manifest's `config` (throwing `InvalidSpecError`). TiTok frees the
   * token count here so that a prefix of the tokens decodes.
   */
  readonly decodeCodeSpace?: (codeSpace: CodeSpace, manifest: Manifest) => CodeSpace;
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
      const decodeCodeSpace = definition.decodeCodeSpace?.(codeSpace, manifest);
      const { checkBlock } = definition;
      const preprocessor = createPreprocessor(manifest.preprocessing ?? { steps: [] });
      const postprocessor = createPostprocessor(manifest.postprocessing ?? { steps: [] });
      const parts = await openModelParts(repository, options);
      try {
        const { quantizer, encoder, decoder, release } = parts;
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
          ...(checkBlock === undefined ? {} : { checkBlock: (block: TokenBlock<'image'>) => checkBlock(block, manifest) }),
          ...(decodeCodeSpace === undefined ? {} : { decodeCodeSpace }),
        });
      } catch (error) {
        await parts.release();
        throw error;
      }
    },
  };
}
