// TiTok on its tiny fixture (tools/fixtures/image/make_titok_fixture.py): PyTorch's 32 codes and pixels per
// photo, decoding from the first k tokens against torch's prefix decodes, the reconstruction quality per
// prefix length, the recipe as data, and typed errors where a model cannot decode a block.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidSpecError, ShapeMismatchError, UnsupportedError, type TokenBlock } from '@jointok/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImageTokenizer } from '../../load-image-tokenizer.node.js';
import { psnr } from '../../metrics/psnr.js';
import { readFixture, readJsonFixture } from '../../testing/fixtures.js';
import type { ImageTokenizer } from '../../tokenizer/image-tokenizer.js';
import { describeFamilyGolden } from '../__fixtures__/describe-family-golden.js';
import { titokRecipe } from './titok-recipe.js';

interface Stored {
  shape: number[];
  data: number[];
}
interface GoldenCase {
  name: string;
  codes: Stored;
  quantized: Stored;
  decoded: { file: string };
  prefixes: { tokens: number; decoded: { file: string } }[];
  prefixPsnr: { tokens: number; psnrToFullDecode: number | null }[];
}

const fixtures = new URL('./__fixtures__/', import.meta.url);
const folder = fileURLToPath(new URL('titok-tiny/', fixtures));
const manifestText = readFileSync(join(folder, 'jointok.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Record<string, unknown> & { config: Record<string, unknown> };
const golden = JSON.parse(readFileSync(new URL('golden/index.json', fixtures), 'utf8')) as { cases: GoldenCase[] };
const bytes = (file: string) => new Uint8Array(readFileSync(new URL(file, fixtures)));
const prefix = (c: GoldenCase, k: number): TokenBlock<'image'> => ({ modality: 'image', codes: Int32Array.from(c.codes.data.slice(0, k)), shape: [k], meta: {} });

function maxDifference(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/** The fixture folder copied with `config` changed, for models that declare other decoding limits. */
function variant(config: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'jointok-titok-'));
  cpSync(folder, dir, { recursive: true });
  writeFileSync(join(dir, 'jointok.json'), JSON.stringify({ ...manifest, config }));
  return dir;
}

describeFamilyGolden('titok tiny', fixtures, 'titok-tiny');

describe('titok family', () => {
  let tokenizer: ImageTokenizer;
  const temporary: string[] = [];
  beforeAll(async () => {
    tokenizer = await loadImageTokenizer(folder, { session: { threads: 1 } });
  });
  afterAll(async () => {
    await tokenizer?.dispose();
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  });

  it('runs the exported recipe, which is TiTok recipe data at 64 px, and gives [32] blocks', async () => {
    const recipe = titokRecipe(64);
    expect(manifest.preprocessing).toEqual(recipe.preprocessing);
    expect(manifest.postprocessing).toEqual(recipe.postprocessing);
    expect(tokenizer.codeSpace).toMatchObject({ axes: ['tokens'], sizes: [32] });
  });

  it.each(golden.cases.flatMap((c) => c.prefixes.map((p) => [c.name, p.tokens, c, p.decoded.file] as const)))('%s: the first %i tokens decode within ±1 of PyTorch', async (_, k, c, file) => {
    const image = await tokenizer.decode(prefix(c, k));
    expect([image.width, image.height]).toEqual([64, 64]);
    expect(maxDifference(image.data, bytes(file))).toBeLessThanOrEqual(1);
  });

  it('a prefix decodes from the first k normalised codebook rows', () => {
    const c = golden.cases[0]!;
    const latents = tokenizer.decodeLatents(prefix(c, 5));
    expect(latents.dims).toEqual([1, 12, 5]);
    const [, channels, tokens] = c.quantized.shape as [number, number, number];
    for (let ch = 0; ch < channels; ch++) {
      for (let t = 0; t < 5; t++) expect(Math.abs(latents.data[ch * 5 + t]! - c.quantized.data[ch * tokens + t]!)).toBeLessThanOrEqual(1e-6);
    }
  });

  it('reports the PSNR of every prefix length to the full decode as PyTorch measured it', async () => {
    const c = golden.cases[1]!;
    const full = await tokenizer.decode(prefix(c, 32));
    for (const { tokens, psnrToFullDecode } of c.prefixPsnr) {
      const value = psnr(await tokenizer.decode(prefix(c, tokens)), full);
      if (psnrToFullDecode === null) expect(value).toBe(Infinity);
      else expect(Math.abs(value - psnrToFullDecode)).toBeLessThanOrEqual(0.1);
    }
  });

  it('takes a 16-bit PNG smaller than a 16-px patch (Pillow\'s high bytes, upscaled) and drops alpha as convert("RGB")', async () => {
    const pillow = readJsonFixture<{ files: Record<string, { width: number; height: number; rgb: { offset: number; length: number } }> }>('codecs/__fixtures__/decoded.json').files;
    const blob = readFixture('codecs/__fixtures__/decoded.u8');
    for (const name of ['rgb16.png', 'rgba16.png']) {
      const entry = pillow[name]!;
      const fromFile = await tokenizer.encode(readFixture(`codecs/__fixtures__/files/${name}`));
      const fromPillow = await tokenizer.encode({ width: entry.width, height: entry.height, channels: 3, data: blob.slice(entry.rgb.offset, entry.rgb.offset + entry.rgb.length) });
      expect(fromFile.shape).toEqual([32]);
      expect([...fromFile.codes]).toEqual([...fromPillow.codes]);
    }
  });

  it('refuses token counts outside the declared prefix range with a shape error', async () => {
    const c = golden.cases[0]!;
    await expect(tokenizer.decode(prefix(c, 0))).rejects.toThrow(ShapeMismatchError);
    const long: TokenBlock<'image'> = { modality: 'image', codes: Int32Array.from({ length: 33 }, (_, i) => c.codes.data[i % 32]!), shape: [33], meta: {} };
    await expect(tokenizer.decode(long)).rejects.toThrow(ShapeMismatchError);
    const raised = variant({ ...manifest.config, prefixDecoding: { minTokens: 8, maxTokens: 32 } });
    temporary.push(raised);
    const limited = await loadImageTokenizer(raised);
    try {
      await expect(limited.decode(prefix(c, 7))).rejects.toThrow(ShapeMismatchError);
      expect((await limited.decode(prefix(c, 8))).width).toBe(64);
    } finally {
      await limited.dispose();
    }
  });

  it('a model that declares no prefix decoding decodes all 32 tokens and refuses a prefix as unsupported', async () => {
    const { prefixDecoding: _, ...config } = manifest.config;
    const dir = variant(config);
    temporary.push(dir);
    const strict = await loadImageTokenizer(dir);
    try {
      const c = golden.cases[0]!;
      await expect(strict.decode(prefix(c, 16))).rejects.toThrow(UnsupportedError);
      expect(maxDifference((await strict.decode(prefix(c, 32))).data, bytes(c.decoded.file))).toBeLessThanOrEqual(1);
    } finally {
      await strict.dispose();
    }
  });

  it('refuses a malformed prefixDecoding entry at load, naming its path', async () => {
    const dir = variant({ ...manifest.config, prefixDecoding: { minTokens: 1, maxTokens: 40 } });
    temporary.push(dir);
    await expect(loadImageTokenizer(dir)).rejects.toThrow(InvalidSpecError);
    await expect(loadImageTokenizer(dir)).rejects.toThrow(/config\.prefixDecoding\.maxTokens/);
  });
});
