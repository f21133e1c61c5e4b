import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import createWabt from 'wabt';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../bytes/base64.js';
import { nearestDotsWasmBase64 } from './nearest-dots-wasm.js';

describe('nearestDotsWasmBase64', () => {
  it('is exactly tools/wasm/nearest-dots.wat compiled (the WAT source is the truth)', async () => {
    const source = fileURLToPath(new URL('../../../../../tools/wasm/nearest-dots.wat', import.meta.url));
    const wabt = await createWabt();
    // The same features and options as tools/wasm/build-kernels.mjs.
    const module = wabt.parseWat('tools/wasm/nearest-dots.wat', readFileSync(source, 'utf8'), { simd: true });
    module.validate();
    const { buffer } = module.toBinary({ log: false, write_debug_names: false });
    module.destroy();
    expect(buffer.length).toBeGreaterThan(100);
    // Chromium compiles modules synchronously on the main thread only up to 4 KB.
    expect(buffer.length).toBeLessThanOrEqual(4096);
    expect(Array.from(decodeBase64(nearestDotsWasmBase64))).toEqual(Array.from(buffer));
  });
});
