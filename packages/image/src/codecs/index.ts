export { readImage, type ImageBytes } from './read-image.js';
export { type ReadImageOptions, defaultMaxPixels } from './read-options.js';
export { writePng, type WritePngOptions, type Grayscale16Mode } from './png/index.js';
export { setJpegDecoderWasm, type JpegDecoderWasm } from './jpeg/jpeg-wasm-override.js';
