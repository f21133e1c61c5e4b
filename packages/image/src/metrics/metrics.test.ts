import { CodeOutOfRangeError, ShapeMismatchError } from '@jointok/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Image8 } from '../image/types.js';
import { readImage } from '../index.node.js';
import { crop } from '../transforms/crop.js';
import { fixturePath, readJsonFixture } from '../testing/fixtures.js';
import { bitsPerPixel, codeStatistics } from './code-statistics.js';
import { psnr } from './psnr.js';
import { ssim } from './ssim.js';

interface Scores {
  psnr: number;
  ssimGaussian: number;
  ssimSkimage: number;
}
const goldens = readJsonFixture<{
  pairs: Record<string, { rgb: Scores; red: Scores }>;
  codes: { codebookSize: number; values: number[]; used: number; usage: number; entropyBits: number; perplexity: number };
}>('metrics/__fixtures__/metrics.json');
let reference: Image8;
const others = new Map<string, Image8>();
const red = (image: Image8): Image8 => ({ ...image, channels: 1, data: image.data.filter((_, i) => i % 3 === 0) });

beforeAll(async () => {
  reference = crop(await readImage(fixturePath('__fixtures__/photos/astronaut-160x128.png')), { left: 0, top: 0, width: 64, height: 48 });
  for (const name of Object.keys(goldens.pairs)) others.set(name, await readImage(fixturePath(`metrics/__fixtures__/astronaut-64x48-${name}.png`)));
});

describe('metrics equal scikit-image', () => {
  it.each(Object.keys(goldens.pairs))('%s: PSNR and both SSIMs, RGB and one channel', (name) => {
    for (const [label, a, b] of [['rgb', reference, others.get(name)!], ['red', red(reference), red(others.get(name)!)]] as const) {
      const expected = goldens.pairs[name]![label];
      expect(psnr(a, b)).toBeCloseTo(expected.psnr, 10);
      expect(ssim(a, b)).toBeCloseTo(expected.ssimGaussian, 10);
      expect(ssim(a, b, { mode: 'skimage' })).toBeCloseTo(expected.ssimSkimage, 10);
    }
  });

  it('identical images: infinite PSNR, SSIM 1; shape mismatches throw', () => {
    expect(psnr(reference, reference)).toBe(Infinity);
    expect(ssim(reference, reference)).toBeCloseTo(1, 12);
    expect(() => psnr(reference, red(reference))).toThrow(ShapeMismatchError);
    expect(() => ssim(crop(reference, { left: 0, top: 0, width: 8, height: 8 }), crop(reference, { left: 0, top: 0, width: 8, height: 8 }))).toThrow(/at least 11x11/);
  });
});

describe('code statistics equal numpy', () => {
  it('usage, entropy and perplexity', () => {
    const { codes } = goldens;
    const stats = codeStatistics(Int32Array.from(codes.values), codes.codebookSize);
    expect(stats.used).toBe(codes.used);
    expect(stats.usage).toBeCloseTo(codes.usage, 12);
    expect(stats.entropy).toBeCloseTo(codes.entropyBits, 10);
    expect(stats.perplexity).toBeCloseTo(codes.perplexity, 8);
    expect(() => codeStatistics([0, 5], 4)).toThrow(CodeOutOfRangeError);
  });

  it('bits per pixel of fixed-length codes', () => {
    expect(bitsPerPixel({ tokens: 256, codebookSize: 16384, width: 256, height: 256 })).toBeCloseTo((256 * 14) / 65536, 15);
    expect(() => bitsPerPixel({ tokens: 1, codebookSize: 0, width: 1, height: 1 })).toThrow(/codebookSize/);
  });
});
