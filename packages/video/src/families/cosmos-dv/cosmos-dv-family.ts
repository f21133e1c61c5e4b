import { InvalidSpecError, openModelParts, validateCodeSpace, type FamilyLoadOptions, type ModelRepository, type TokenizerFamily } from '@jointok/core';
import { createPostprocessor, createPreprocessor } from '@jointok/image';
import { checkChunking, type TemporalChunking } from '../../chunking/temporal-windows.js';
import { createWindowedTokenizer } from '../../tokenizer/create-windowed-tokenizer.js';
import type { VideoReader } from '../../tokenizer/frame-source.js';
import type { VideoTokenizer } from '../../tokenizer/video-tokenizer.js';

/** NVIDIA Cosmos DV (discrete video) tokenizers: `Cosmos-0.1-Tokenizer-DV4x8x8`, `DV8x8x8`, `DV8x16x16`. */
export const COSMOS_DV_FAMILY = 'cosmos-dv';

function integer(config: Readonly<Record<string, unknown>>, key: string, fallback?: number): number {
  const value = config[key] ?? fallback;
  if (!Number.isSafeInteger(value) || (value as number) < 1) throw new InvalidSpecError({ path: `config.${key}`, expected: 'a positive integer', received: value });
  return value as number;
}

/** The temporal chunking a Cosmos DV manifest's `config` describes (`temporalCompression`, `window`, `temporalAlign`). */
export function cosmosChunking(config: Readonly<Record<string, unknown>>): TemporalChunking {
  return checkChunking({
    temporalCompression: integer(config, 'temporalCompression'),
    window: integer(config, 'window', 17),
    temporalAlign: integer(config, 'temporalAlign', 8),
    padding: 'replicate',
  });
}

/**
 * The `cosmos-dv` family: `encoder.onnx` (pixels `[1, 3, T, H, W]` in [-1, 1] → FSQ input `[1, 6, t, h, w]`),
 * core's `fsq` quantizer (tanh bound, bfloat16 outputs), `decoder.onnx` (FSQ values → pixels), Cosmos' image
 * recipe per frame (`pad-to-multiple` 16, `to-tensor` in float64) and its `tensor2numpy` postprocessing, and
 * Cosmos' windows (17 frames, each padded to 1 + 8k with its edge frames). A single frame is the causal
 * first chunk: an image is a one-frame clip.
 */
export function createCosmosDvFamily(readVideo: VideoReader): TokenizerFamily<VideoTokenizer> {
  return {
    family: COSMOS_DV_FAMILY,
    modality: 'video',
    packageName: '@jointok/video',
    async load(repository: ModelRepository, options: FamilyLoadOptions): Promise<VideoTokenizer> {
      const { manifest } = repository;
      const codeSpace = validateCodeSpace(manifest.codeSpace, 'codeSpace');
      const config = (manifest.config ?? {}) as Readonly<Record<string, unknown>>;
      const chunking = cosmosChunking(config);
      const preprocessor = createPreprocessor(manifest.preprocessing ?? { steps: [] });
      const postprocessor = createPostprocessor(manifest.postprocessing ?? { steps: [] });
      const parts = await openModelParts(repository, options, { encoder: 'required', quantizer: 'required' });
      try {
        const { encoder, decoder, quantizer, release } = parts;
        return createWindowedTokenizer({ manifest, codeSpace, chunking, preprocessor, postprocessor, readVideo, encoder: encoder!, decoder, quantizer: quantizer!, release });
      } catch (error) {
        await parts.release();
        throw error;
      }
    },
  };
}
