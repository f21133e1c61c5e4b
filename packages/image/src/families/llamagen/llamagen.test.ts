// The llamagen family on its tiny fixture: PyTorch's codes and pixels for real photos (goldens made by
// tools/fixtures/image/make_llamagen_fixture.py), the same codes decoded by the onnx-community Janus
// folder, the ModalityTokenizer contract, and typed errors for bad input.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CodeOutOfRangeError, ShapeMismatchError, UnsupportedError, type TokenBlock } from '@jointok/core';
import { describeModalityTokenizer } from '@jointok/core/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidImageError } from '../../errors/invalid-image-error.js';
import { loadImageTokenizer } from '../../load-image-tokenizer.node.js';
import type { ImageTokenizer } from '../../tokenizer/image-tokenizer.js';

const fixtures = new URL('./__fixtures__/', import.meta.url);
const folder = (name: string) => fileURLToPath(new URL(`${name}/`, fixtures));
const bytes = (file: string) => new Uint8Array(readFileSync(new URL(file, fixtures)));

interface GoldenCase {
  name: string;
  input: string;
  preprocessing: string;
  codes: { shape: number[]; data: number[] };
  fragile: number[];
  quantized: { shape: number[]; data: number[] };
  preprocessed: { file: string; shape: number[] };
  decoded: { file: string; shape: number[] };
  decodedJanus: { file: string; shape: number[] };
}
const golden = JSON.parse(readFileSync(new URL('golden/index.json', fixtures), 'utf8')) as { cases: GoldenCase[] };
const photos = golden.cases.filter((c) => c.preprocessing === 'manifest');

/** Largest absolute difference between two byte arrays of one length. */
function maxDifference(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

const block = (c: GoldenCase): TokenBlock<'image'> => ({ modality: 'image', codes: Int32Array.from(c.codes.data), shape: c.codes.shape.slice(1), meta: {} });

describe('llamagen family (tiny fixture)', () => {
  let tokenizer: ImageTokenizer;
  let janus: ImageTokenizer;
  beforeAll(async () => {
    tokenizer = await loadImageTokenizer(folder('llamagen-tiny'), { session: { threads: 1 } });
    janus = await loadImageTokenizer(folder('janus-tiny'), { session: { threads: 1 } });
  });
  afterAll(async () => {
    await tokenizer?.dispose();
    await janus?.dispose();
  });

  it('finds three photos in the goldens', () => {
    expect(photos.map((c) => c.name)).toEqual(['astronaut', 'chelsea', 'coffee']);
  });

  it.each(photos.map((c) => [c.name, c] as const))('%s: the reference codes from the PNG file (near-ties aside)', async (_, c) => {
    const encoded = await tokenizer.encode(bytes(c.input));
    expect(encoded.shape).toEqual([4, 4]);
    const mismatches = [...encoded.codes].filter((code, i) => code !== c.codes.data[i] && !c.fragile.includes(i)).length;
    expect(mismatches).toBe(0);
    expect(encoded.meta).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
  });

  it.each(golden.cases.map((c) => [c.name, c] as const))('%s: decoded pixels within ±1 of PyTorch, through the jointok folder and the Janus one', async (_, c) => {
    const image = await tokenizer.decode(block(c));
    expect([image.height, image.width]).toEqual(c.decoded.shape.slice(0, 2));
    expect(maxDifference(image.data, bytes(c.decoded.file))).toBeLessThanOrEqual(1);
    // Janus' published graph decodes its own grid only (here 4 × 4); other grids are refused, typed.
    if (c.codes.shape[1] === 4 && c.codes.shape[2] === 4) {
      const fromJanus = await janus.decode(block(c));
      expect(maxDifference(fromJanus.data, bytes(c.decodedJanus.file))).toBeLessThanOrEqual(1);
    } else await expect(janus.decode(block(c))).rejects.toThrow(ShapeMismatchError);
  });

  it('gives the reference quantized latents for the codes', () => {
    const c = photos[0]!;
    const latents = tokenizer.decodeLatents(block(c));
    expect(latents.dims).toEqual(c.quantized.shape);
    const worst = Math.max(...Array.from(latents.data, (v, i) => Math.abs(v - c.quantized.data[i]!)));
    expect(worst).toBeLessThanOrEqual(1e-6);
  });

  it('encodes a batch with progress, equal to one by one', async () => {
    const seen: number[] = [];
    const blocks = await tokenizer.encodeBatch(photos.map((c) => bytes(c.input)), { onProgress: ({ done }) => seen.push(done) });
    expect(blocks.map((b) => [...b.codes])).toEqual(photos.map((c) => c.codes.data));
    expect(seen).toEqual([1, 2, 3]);
  });

  it('the Janus folder decodes only', async () => {
    expect(janus.canEncode).toBe(false);
    await expect(janus.encode(bytes(photos[0]!.input))).rejects.toThrow(UnsupportedError);
  });

  it('refuses bad blocks and bad files with typed errors', async () => {
    const c = photos[0]!;
    await expect(tokenizer.decode({ ...block(c), shape: [3, 4] })).rejects.toThrow(ShapeMismatchError);
    await expect(tokenizer.decode({ ...block(c), codes: Int32Array.from(c.codes.data, (v, i) => (i === 3 ? 512 : v)) })).rejects.toThrow(CodeOutOfRangeError);
    await expect(tokenizer.encode(bytes(c.input).subarray(0, 200))).rejects.toThrow(InvalidImageError);
    await expect(tokenizer.decode({ ...block(c), meta: { padding: 'top' } })).rejects.toThrow(/block.meta.padding/);
  });
});

describeModalityTokenizer('llamagen tiny', {
  create: () => loadImageTokenizer(folder('llamagen-tiny')),
  inputs: () => photos.map((c) => bytes(c.input)),
});
