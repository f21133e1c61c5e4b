import { MissingDependencyError } from '@jointok/core';
import { ImageTooLargeError } from '../../errors/image-too-large-error.js';
import { InvalidImageError } from '../../errors/invalid-image-error.js';
import type { DecodedImage, DecodeLimits } from '../decoded-image.js';
import { readJpegStructure } from './jpeg-structure.js';
import type { JpegWasmSource } from './jpeg-wasm.js';
import { jpegWasmGeneration, overriddenJpegWasm } from './jpeg-wasm-override.js';

type JsquashDecode = (buffer: ArrayBuffer) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
interface JsquashModule {
  init: (module?: WebAssembly.Module, options?: Record<string, unknown>) => Promise<void> | void;
  default: JsquashDecode;
}

let decoder: Promise<JsquashDecode> | undefined;
let decoderGeneration = -1;

/** The glue's message when the `.wasm` file is not where it looks (a bundler did not copy it). */
const WASM_NOT_FOUND = /fetching of the wasm failed|failed to asynchronously prepare wasm|wasm streaming compile failed/i;

async function loadDecoder(wasm: JpegWasmSource): Promise<JsquashDecode> {
  let jsquash: JsquashModule;
  try {
    jsquash = (await import('@jsquash/jpeg/decode.js')) as unknown as JsquashModule;
  } catch (cause) {
    throw new MissingDependencyError({ packageName: '@jsquash/jpeg', purpose: 'JPEG decoding', cause });
  }
  let module: WebAssembly.Module | undefined;
  try {
    module = (await overriddenJpegWasm()) ?? (await wasm());
  } catch (cause) {
    throw wasmNotFound(cause);
  }
  // libjpeg's warnings and errors go to the console by default; errors surface as typed errors here.
  const quiet = { print: () => {}, printErr: () => {} };
  await (module === undefined ? jsquash.init(quiet as never) : jsquash.init(module, quiet));
  return jsquash.default;
}

/**
 * Decodes a JPEG as Pillow does. Greyscale and YCbCr JPEGs go through libjpeg-turbo compiled to
 * WebAssembly (MozJPEG's decoder in `@jsquash/jpeg`, the same ISLOW inverse DCT and fancy upsampling
 * as the Debian libjpeg-turbo behind Pillow: identical pixels). CMYK/YCCK JPEGs, which that build
 * cannot convert, go through `jpeg-js` with its own inverse DCT and CMYK formula (not identical: see
 * the package README). The structure is checked first, so truncated files fail as in Pillow.
 */
export async function decodeJpeg(bytes: Uint8Array, limits: DecodeLimits, wasm: JpegWasmSource): Promise<DecodedImage> {
  const structure = readJpegStructure(bytes);
  const { width, height } = structure;
  if (width * height > limits.maxPixels) throw new ImageTooLargeError({ width, height, maxPixels: limits.maxPixels });
  const rgb = structure.components === 4 ? await decodeCmyk(bytes, limits) : await decodeWithLibjpeg(bytes, wasm, width, height);
  return { width, height, rgb, alpha: undefined, orientation: structure.orientation };
}

/** The decoder's WebAssembly could not be loaded: a missing asset, not bad image data. */
function wasmNotFound(cause: unknown): MissingDependencyError {
  return new MissingDependencyError({
    packageName: '@jsquash/jpeg',
    purpose: 'JPEG decoding (its codec/dec/mozjpeg_dec.wasm could not be loaded: copy it next to your bundle, or pass its URL to setJpegDecoderWasm)',
    cause,
  });
}

async function decodeWithLibjpeg(bytes: Uint8Array, wasm: JpegWasmSource, width: number, height: number): Promise<Uint8Array> {
  if (decoderGeneration !== jpegWasmGeneration()) {
    decoder = undefined;
    decoderGeneration = jpegWasmGeneration();
  }
  decoder ??= loadDecoder(wasm);
  let decode: JsquashDecode;
  try {
    decode = await decoder;
  } catch (error) {
    decoder = undefined;
    throw error;
  }
  let result: Awaited<ReturnType<JsquashDecode>>;
  try {
    result = await decode(bytes.slice().buffer);
  } catch (cause) {
    // libjpeg's fatal errors end the Emscripten program; a fresh instance serves the next call.
    decoder = undefined;
    // The glue instantiates lazily: a missing .wasm file surfaces here, and is not the image's fault.
    if (WASM_NOT_FOUND.test(String((cause as Error)?.message ?? cause))) throw wasmNotFound(cause);
    throw new InvalidImageError({ format: 'jpeg', reason: `libjpeg rejected the data (${String((cause as Error)?.message ?? cause)})`, cause });
  }
  if (result.width !== width || result.height !== height) {
    throw new InvalidImageError({ format: 'jpeg', reason: `decoded ${result.width}x${result.height}, header says ${width}x${height}` });
  }
  // A Uint8Array view: element reads of a Uint8ClampedArray are slower in V8.
  const rgba = new Uint8Array(result.data.buffer, result.data.byteOffset, result.data.length);
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!;
    rgb[j + 1] = rgba[i + 1]!;
    rgb[j + 2] = rgba[i + 2]!;
  }
  return rgb;
}

type JpegJs = typeof import('jpeg-js');

async function decodeCmyk(bytes: Uint8Array, limits: DecodeLimits): Promise<Uint8Array> {
  // jpeg-js is CommonJS: under Node and bundlers its exports arrive as the default export.
  const imported = (await import('jpeg-js')) as unknown as JpegJs & { default?: JpegJs };
  const jpegJs = imported.default ?? imported;
  try {
    const image = jpegJs.decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      tolerantDecoding: false,
      maxResolutionInMP: Math.max(limits.maxPixels / 1e6, 1e-6),
      maxMemoryUsageInMB: 4096,
    });
    return image.data;
  } catch (cause) {
    throw new InvalidImageError({ format: 'jpeg', reason: `CMYK data could not be decoded (${String((cause as Error)?.message ?? cause)})`, cause });
  }
}
