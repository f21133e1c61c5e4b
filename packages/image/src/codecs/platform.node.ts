import type { CodecPlatform } from './platform.js';
import { nodeJpegWasm } from './jpeg/jpeg-wasm.node.js';
import { inflateWithNodeZlib } from './png/inflate.node.js';

/** Node: the JPEG decoder's WASM read from disk, native zlib. */
export const nodePlatform: CodecPlatform = { jpegWasm: nodeJpegWasm, inflate: inflateWithNodeZlib };
