import { type JpegWasmSource, packagedJpegWasm } from './jpeg/jpeg-wasm.js';
import { type Inflate, inflateWithFflate } from './png/inflate.js';

/** What differs between runtimes in decoding: chosen once per entry point, never sniffed. */
export interface CodecPlatform {
  readonly jpegWasm: JpegWasmSource;
  readonly inflate: Inflate;
}

/** Browsers and other runtimes: the packages' own WASM loading and fflate. */
export const portablePlatform: CodecPlatform = { jpegWasm: packagedJpegWasm, inflate: inflateWithFflate };
