import { ShapeMismatchError, type TokenBlock, type TokenizerFamily } from '@jointok/core';
import type { ImageReader } from '../tokenizer/create-image-tokenizer.js';
import type { ImageTokenizer } from '../tokenizer/image-tokenizer.js';
import { createImageFamily } from './create-image-family.js';
import { JANUS_FAMILY, janusConfigAdapter, janusDecoderFeed } from './janus.js';

/** The family of the built-in default, `jointok-image-base`: convolutional encoder/decoder with FSQ. */
export const JOINTOK_FSQ_FAMILY = 'jointok-fsq';
/** LlamaGen's VQ tokenizers (VQ-16, VQ-8), which Janus' image generation reuses. */
export const LLAMAGEN_FAMILY = 'llamagen';
/** NVIDIA Cosmos-Tokenizer's discrete image tokenizers (DI8x8, DI16x16; FSQ). */
export const COSMOS_DI_FAMILY = 'cosmos-di';
/** TencentARC's Open-MAGVIT2 (LFQ, 18 bits; token-factorized variants). */
export const OPEN_MAGVIT2_FAMILY = 'open-magvit2';

/**
 * Open-MAGVIT2's decoder normalises with the unbiased variance over the grid: one position gives NaN (in
 * the reference too), so such a block is refused.
 */
function atLeastTwoPositions(block: TokenBlock<'image'>): void {
  const positions = block.shape.slice(-2).reduce((a, b) => a * b, 1);
  if (positions < 2) throw new ShapeMismatchError({ argument: 'block.shape', expected: 'a grid of at least 2 positions (Open-MAGVIT2 cannot decode a single one)', received: block.shape });
}

/** Every image family of this package, reading images with the entry's `readImage`. */
export function createImageFamilies(readImage: ImageReader): readonly TokenizerFamily<ImageTokenizer>[] {
  return [
    createImageFamily({ family: JOINTOK_FSQ_FAMILY }, readImage),
    createImageFamily({ family: LLAMAGEN_FAMILY }, readImage),
    createImageFamily({ family: COSMOS_DI_FAMILY }, readImage),
    createImageFamily({ family: OPEN_MAGVIT2_FAMILY, checkBlock: atLeastTwoPositions }, readImage),
    createImageFamily({ family: JANUS_FAMILY, configAdapter: janusConfigAdapter, decoderFeed: janusDecoderFeed }, readImage),
  ];
}
