import type { TokenizerFamily } from '@jointok/core';
import type { ImageReader } from '../tokenizer/create-image-tokenizer.js';
import type { ImageTokenizer } from '../tokenizer/image-tokenizer.js';
import { createImageFamily } from './create-image-family.js';
import { JANUS_FAMILY, janusConfigAdapter, janusDecoderFeed } from './janus.js';

/** The family of the built-in default, `jointok-image-base`: convolutional encoder/decoder with FSQ. */
export const JOINTOK_FSQ_FAMILY = 'jointok-fsq';
/** LlamaGen's VQ tokenizers (VQ-16, VQ-8), which Janus' image generation reuses. */
export const LLAMAGEN_FAMILY = 'llamagen';

/** Every image family of this package, reading images with the entry's `readImage`. */
export function createImageFamilies(readImage: ImageReader): readonly TokenizerFamily<ImageTokenizer>[] {
  return [
    createImageFamily({ family: JOINTOK_FSQ_FAMILY }, readImage),
    createImageFamily({ family: LLAMAGEN_FAMILY }, readImage),
    createImageFamily({ family: JANUS_FAMILY, configAdapter: janusConfigAdapter, decoderFeed: janusDecoderFeed }, readImage),
  ];
}
