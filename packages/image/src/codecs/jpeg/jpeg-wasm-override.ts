import { InvalidArgumentError } from '@jointok/core';

/** What {@link setJpegDecoderWasm} takes: a compiled module, or where to fetch `mozjpeg_dec.wasm` from. */
export type JpegDecoderWasm = WebAssembly.Module | URL | string;

let override: JpegDecoderWasm | undefined;
let generation = 0;

/**
 * Tells the JPEG decoder where its WebAssembly (`@jsquash/jpeg`'s `codec/dec/mozjpeg_dec.wasm`) is, for
 * bundlers that do not copy the `new URL('…wasm', import.meta.url)` asset next to the bundle (esbuild):
 * copy the file into your output and pass its URL, or pass a `WebAssembly.Module` you compiled. `undefined`
 * restores the package's own loading (Node reads the file from `node_modules`; Vite copies it). Takes effect
 * for the next JPEG decoded.
 *
 * @example
 * // esbuild: cp node_modules/@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm dist/
 * setJpegDecoderWasm(new URL('./mozjpeg_dec.wasm', import.meta.url));
 */
export function setJpegDecoderWasm(source: JpegDecoderWasm | undefined): void {
  const isModule = typeof WebAssembly !== 'undefined' && source instanceof WebAssembly.Module;
  if (source !== undefined && !isModule && !(source instanceof URL) && typeof source !== 'string') {
    throw new InvalidArgumentError({ argument: 'source', expected: 'a WebAssembly.Module, a URL or a URL string (or undefined)', received: source });
  }
  override = source;
  generation++;
}

/** The override's module, compiled on first use; `undefined` when none is set. */
export async function overriddenJpegWasm(): Promise<WebAssembly.Module | undefined> {
  if (override === undefined) return undefined;
  if (typeof override !== 'string' && !(override instanceof URL)) return override;
  const response = await fetch(override);
  if (!response.ok) throw new Error(`fetching ${String(override)} gave HTTP ${response.status}`);
  return WebAssembly.compile(await response.arrayBuffer());
}

/** Changes whenever the override does (the decoder is rebuilt then). */
export function jpegWasmGeneration(): number {
  return generation;
}
