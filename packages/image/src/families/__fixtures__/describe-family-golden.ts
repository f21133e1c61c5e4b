// One parity suite for every image family fixture in the `jointok-image-family-golden/1` format (written by
// the fixture scripts under tools/fixtures/image/): the reference's codes from the image file (near-ties
// aside), its padding, its quantized latents, and its decoded pixels within ±1.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TokenBlock } from '@jointok/core';
import { describeModalityTokenizer } from '@jointok/core/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImageTokenizer } from '../../load-image-tokenizer.node.js';
import type { ImageTokenizer } from '../../tokenizer/image-tokenizer.js';

interface Stored {
  readonly dtype: 'float32' | 'int32' | 'uint8';
  readonly shape: number[];
  readonly data?: number[];
  readonly file?: string;
}
interface GoldenCase {
  readonly name: string;
  readonly input: string;
  /** Chameleon/TiTok goldens: `manifest (...)` when the photo went through the recipe; other cases feed raw windows. */
  readonly preprocessing?: string;
  readonly padding?: Record<string, number>;
  readonly codes: Stored;
  readonly fragile: number[];
  readonly quantized: Stored;
  readonly decoded: Stored;
}

/** A stored array, inline or in a raw little-endian file beside the index. */
function values(stored: Stored, base: URL): ArrayLike<number> {
  if (stored.data !== undefined) return stored.data;
  const bytes = readFileSync(new URL(stored.file!, base));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return stored.dtype === 'float32' ? new Float32Array(buffer) : stored.dtype === 'int32' ? new Int32Array(buffer) : new Uint8Array(buffer);
}

/**
 * Runs the family parity suite on `fixtures/<model>` with the goldens in `fixtures/<index>`; `blockShape`
 * is the codes' shape without the batch axis.
 */
export function describeFamilyGolden(title: string, fixtures: URL, model: string, index = 'golden/index.json'): void {
  const indexUrl = new URL(index, fixtures);
  const all = (JSON.parse(readFileSync(indexUrl, 'utf8')) as { cases: GoldenCase[] }).cases;
  // A case that bypassed the recipe (a raw window fed to the graphs) cannot go through `encode`, which
  // always runs the recipe; the fixture's own checker covers those.
  const golden = { cases: all.filter((c) => c.preprocessing === undefined || c.preprocessing.startsWith('manifest')) };
  const folder = fileURLToPath(new URL(`${model}/`, fixtures));
  // Paths in the index are relative to the fixtures folder.
  const input = (c: GoldenCase) => new Uint8Array(readFileSync(new URL(c.input, fixtures)));

  describe(`${title}: parity with PyTorch`, () => {
    it('has golden cases that run through the recipe', () => {
      expect(golden.cases.length).toBeGreaterThan(0);
    });

    let tokenizer: ImageTokenizer;
    beforeAll(async () => {
      tokenizer = await loadImageTokenizer(folder, { session: { threads: 1 } });
    });
    afterAll(() => tokenizer?.dispose());

    it.each(golden.cases.map((c) => [c.name, c] as const))('%s: codes, padding, latents and pixels', async (_, c) => {
      const block = await tokenizer.encode(input(c));
      const codes = values(c.codes, fixtures);
      expect(block.shape).toEqual(c.codes.shape.slice(1));
      const mismatches = Array.from(block.codes).filter((code, i) => code !== codes[i] && !c.fragile.includes(i)).length;
      expect(mismatches).toBe(0);
      if (c.padding !== undefined) {
        const none = { top: 0, left: 0, bottom: 0, right: 0, width: c.padding.width, height: c.padding.height };
        expect((block.meta.padding as unknown) ?? none).toEqual(c.padding);
      }
      // The reference's own codes (near-ties included) decode to its latents and pixels.
      const reference: TokenBlock<'image'> = { ...block, codes: Int32Array.from(codes) };
      const latents = tokenizer.decodeLatents(reference);
      const quantized = values(c.quantized, fixtures);
      expect(latents.dims).toEqual(c.quantized.shape);
      let worst = 0;
      for (let i = 0; i < quantized.length; i++) worst = Math.max(worst, Math.abs(latents.data[i]! - quantized[i]!));
      expect(worst).toBeLessThanOrEqual(1e-6);
      const image = await tokenizer.decode(reference);
      const pixels = values(c.decoded, fixtures);
      expect([image.height, image.width]).toEqual(c.decoded.shape.slice(0, 2));
      let pixelWorst = 0;
      for (let i = 0; i < pixels.length; i++) pixelWorst = Math.max(pixelWorst, Math.abs(image.data[i]! - pixels[i]!));
      expect(pixelWorst).toBeLessThanOrEqual(1);
    });
  });

  describeModalityTokenizer(title, {
    create: () => loadImageTokenizer(folder),
    inputs: () => golden.cases.slice(0, 2).map(input),
  });
}
