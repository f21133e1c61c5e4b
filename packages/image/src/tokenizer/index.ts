export type { ImageTokenizer, ImageSource, EncodeBatchOptions } from './image-tokenizer.js';
export { createImageTokenizer, type ImageTokenizerParts, type ImageReader } from './create-image-tokenizer.js';
export { DEFAULT_IMAGE_MODEL, type LoadImageTokenizerOptions } from './load-image-tokenizer.js';
