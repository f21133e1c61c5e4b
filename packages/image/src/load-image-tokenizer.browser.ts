// Browsers: images from bytes, Blobs and DOM sources; the default model by URL next to the bundle (host it there, or pass a source).
import type { ModelRepository } from '@jointok/core';
import { readImage } from './codecs/read-image.browser.js';
import { createImageFamilies } from './families/create-image-families.js';
import type { ImageReader } from './tokenizer/create-image-tokenizer.js';
import type { ImageTokenizer } from './tokenizer/image-tokenizer.js';
import { DEFAULT_IMAGE_MODEL, loadImageTokenizerWith, type LoadImageTokenizerOptions } from './tokenizer/load-image-tokenizer.js';

/**
 * This package's tokenizer families (`jointok-fsq`, `llamagen`, ...), for `loadTokenizer(source, { families })`
 * or `registerTokenizerFamilies(imageFamilies)`. Their tokenizers read bytes, Blobs, ImageData and DOM images.
 */
export const imageFamilies = /* @__PURE__ */ createImageFamilies(readImage as ImageReader);

/**
 * Loads an image tokenizer: the built-in `jointok-image-base` without a source, or any model repository
 * (folder, URL, `hf:owner/name@revision`) of a family this package runs.
 *
 * @example
 * const tokenizer = await loadImageTokenizer();
 * const block = await tokenizer.encode(file) ; // TokenBlock { modality: 'image', shape: [h, w] }
 * const image = await tokenizer.decode(block);       // RgbImage of the input's size
 */
export function loadImageTokenizer(source?: string | URL | ModelRepository, options: LoadImageTokenizerOptions = {}): Promise<ImageTokenizer> {
  return loadImageTokenizerWith(imageFamilies, source ?? new URL(`../models/${DEFAULT_IMAGE_MODEL}/`, import.meta.url).href, options);
}
