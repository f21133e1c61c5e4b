// setJpegDecoderWasm: where the JPEG decoder's WebAssembly comes from when a bundler does not copy it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { InvalidArgumentError, MissingDependencyError } from '@jointok/core';
import { afterEach, describe, expect, it } from 'vitest';
import { readImage } from '../read-image.node.js';
import { setJpegDecoderWasm } from './jpeg-wasm-override.js';

const photo = new Uint8Array(readFileSync(new URL('../../__fixtures__/photos/rocket-64x96.jpg', import.meta.url)));
const wasmPath = createRequire(import.meta.url).resolve('@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm');

describe('setJpegDecoderWasm', () => {
  afterEach(() => setJpegDecoderWasm(undefined));

  it('decodes with a module the caller compiled, identically to the package’s own loading', async () => {
    const reference = await readImage(photo);
    setJpegDecoderWasm(await WebAssembly.compile(readFileSync(wasmPath)));
    const decoded = await readImage(photo);
    expect(Buffer.from(decoded.data).equals(Buffer.from(reference.data))).toBe(true);
  });

  it('a URL where no WebAssembly is found is a MissingDependencyError naming the file, not a bad image; undefined restores', async () => {
    setJpegDecoderWasm('http://127.0.0.1:9/mozjpeg_dec.wasm');
    const error = await readImage(photo).catch((e: unknown) => e);
    expect(MissingDependencyError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/mozjpeg_dec\.wasm/);
    setJpegDecoderWasm(undefined);
    expect((await readImage(photo)).width).toBe(64);
  });

  it('refuses anything else', () => {
    expect(() => setJpegDecoderWasm(42 as never)).toThrow(InvalidArgumentError);
  });
});
