export { decodeJpeg } from './decode-jpeg.js';
export { isJpeg, readJpegStructure, type JpegStructure } from './jpeg-structure.js';
export { type JpegWasmSource, packagedJpegWasm } from './jpeg-wasm.js';
export { setJpegDecoderWasm, type JpegDecoderWasm } from './jpeg-wasm-override.js';
