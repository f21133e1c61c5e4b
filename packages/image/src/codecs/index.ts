export { readImage, type ImageBytes } from './read-image.js';
export { type ReadImageOptions, defaultMaxPixels } from './read-options.js';
export { writePng, type WritePngOptions } from './png/encode-png.js';
export type { Grayscale16Mode } from './png/pillow-colors.js';
