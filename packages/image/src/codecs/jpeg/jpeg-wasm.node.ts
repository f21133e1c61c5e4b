import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { JpegWasmSource } from './jpeg-wasm.js';

let compiled: Promise<WebAssembly.Module> | undefined;

/** Node: compiles `@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm` from disk, once per process. */
export const nodeJpegWasm: JpegWasmSource = () => {
  compiled ??= (async () => {
    const path = createRequire(import.meta.url).resolve('@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm');
    return WebAssembly.compile(await readFile(path));
  })();
  return compiled;
};
