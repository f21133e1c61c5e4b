export { decodePng } from './decode-png.js';
export { writePng, type WritePngOptions } from './encode-png.js';
export { isPng, readPngChunks, type PngChunk } from './png-chunks.js';
export { readPngHeader, type PngHeader } from './png-header.js';
export { type Grayscale16Mode, toPillowPlanes } from './pillow-colors.js';
export { type Inflate, inflateWithFflate } from './inflate.js';
