import { InvalidSpecError, createTensor } from '@jointok/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Image8 } from '../image/types.js';
import { readImage } from '../index.node.js';
import { fixturePath, readFixture, readJsonFixture, sha256 } from '../testing/fixtures.js';
import { createPostprocessor } from './postprocessor.js';
import { createPreprocessor } from './preprocessor.js';
import { padToMultiple } from '../transforms/pad.js';

interface RecipeCase {
  recipe: string;
  source: string;
  steps: unknown[];
  image: { width: number; height: number; sha256: string };
  tensor: { dims: number[]; sha256: string; head: number[] };
}
const { cases } = readJsonFixture<{ cases: RecipeCase[] }>('recipes/__fixtures__/recipe-goldens.json');
const photos = new Map<string, Image8>();

beforeAll(async () => {
  for (const source of new Set(cases.map((c) => c.source))) {
    photos.set(source, await readImage(fixturePath(`__fixtures__/photos/${source}`), { alpha: 'keep' }));
  }
});

describe('preprocessing recipes equal the references (Pillow, torchvision, numpy)', () => {
  it.each(cases.map((c) => [`${c.recipe} on ${c.source}`, c] as const))('%s', (_, c) => {
    const result = createPreprocessor({ steps: c.steps }).run(photos.get(c.source)!);
    expect([result.image.width, result.image.height]).toEqual([c.image.width, c.image.height]);
    expect(sha256(result.image.data)).toBe(c.image.sha256);
    expect(result.tensor.dims).toEqual(c.tensor.dims);
    expect(Array.from(result.tensor.data.subarray(0, 4))).toEqual(c.tensor.head);
    expect(sha256(result.tensor.data)).toBe(c.tensor.sha256);
  });
});

describe('postprocessing equals each reference’s float-to-byte arithmetic', () => {
  const post = readJsonFixture<{ input: { dims: number[] }; cases: Record<string, { step: Record<string, unknown>; output: number[] }> }>('recipes/__fixtures__/postprocess.json');
  const bytes = readFixture('recipes/__fixtures__/postprocess-input.f32');
  const input = createTensor('float32', new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4), post.input.dims);
  it.each(Object.entries(post.cases))('%s', (_, c) => {
    const image = createPostprocessor({ steps: [c.step] }).run(input);
    expect(Array.from(image.data)).toEqual(c.output);
  });
});

describe('pad-to-multiple and crop-padding round-trip (Cosmos)', () => {
  it('records top/left = pad >> 1 and crops the decoded image back', () => {
    const image: Image8 = { width: 5, height: 3, channels: 3, data: Uint8Array.from({ length: 45 }, (_, i) => i + 1) };
    const pre = createPreprocessor({ steps: [{ type: 'pad-to-multiple', multiple: 4 }, { type: 'to-tensor' }] }).run(image);
    expect(pre.padding).toEqual({ top: 0, left: 1, bottom: 1, right: 2, width: 5, height: 3 });
    expect([pre.image.width, pre.image.height]).toEqual([8, 4]);
    expect(Array.from(pre.image.data.subarray(0, 6))).toEqual([0, 0, 0, 1, 2, 3]);
    const post = createPostprocessor({ steps: [{ type: 'to-uint8', scale: 255, rounding: 'half-up' }, { type: 'crop-padding' }] });
    const back = post.run(pre.tensor, { padding: pre.padding });
    expect(back).toEqual({ width: 5, height: 3, channels: 3, data: image.data });
  });

  it('replicates edge pixels at the bottom and right with mode replicate, anchor top-left (jointok-image-base)', () => {
    // One channel, 3 x 2: [[1, 2, 3], [4, 5, 6]] padded to 4 x 4 repeats the last column and the last row,
    // as numpy.pad(mode='edge') does: [[1,2,3,3],[4,5,6,6],[4,5,6,6],[4,5,6,6]].
    const gray: Image8 = { width: 3, height: 2, channels: 1, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
    const { image, padding } = padToMultiple(gray, 4, { mode: 'replicate', anchor: 'top-left' });
    expect(padding).toEqual({ top: 0, left: 0, bottom: 2, right: 1, width: 3, height: 2 });
    expect(Array.from(image.data)).toEqual([1, 2, 3, 3, 4, 5, 6, 6, 4, 5, 6, 6, 4, 5, 6, 6]);
    // Centred: one row above and one below (2 >> 1 = 1 on top), the one extra column on the right (1 >> 1 = 0
    // on the left): [[1,2,3,3],[1,2,3,3],[4,5,6,6],[4,5,6,6]].
    expect(Array.from(padToMultiple(gray, 4, { mode: 'replicate' }).image.data)).toEqual([1, 2, 3, 3, 1, 2, 3, 3, 4, 5, 6, 6, 4, 5, 6, 6]);
    const rgb: Image8 = { width: 5, height: 3, channels: 3, data: Uint8Array.from({ length: 45 }, (_, i) => i + 1) };
    const pre = createPreprocessor({ steps: [{ type: 'pad-to-multiple', multiple: 4, mode: 'replicate', anchor: 'top-left' }, { type: 'to-tensor' }] }).run(rgb);
    expect(pre.padding).toEqual({ top: 0, left: 0, bottom: 1, right: 3, width: 5, height: 3 });
    // Row 0 ends with pixel (4, 0) = [13, 14, 15] three more times.
    expect(Array.from(pre.image.data.subarray(12, 24))).toEqual([13, 14, 15, 13, 14, 15, 13, 14, 15, 13, 14, 15]);
  });
});

describe('recipe validation names the JSON path', () => {
  const cases: [unknown, string][] = [
    [{ steps: [{ type: 'center-crop-arr', size: 0 }, { type: 'to-tensor' }] }, 'preprocessing.steps[0].size'],
    [{ steps: [{ type: 'resize', width: 4, height: 4, filter: 'cubic' }, { type: 'to-tensor' }] }, 'preprocessing.steps[0].filter'],
    [{ steps: [{ type: 'to-tensor', mean: [0.5, 0.5] }] }, 'preprocessing.steps[0].mean'],
    [{ steps: [{ type: 'to-tensor', std: [1, 0, 1] }] }, 'preprocessing.steps[0].std'],
    [{ steps: [{ type: 'resize', width: 4, height: 4, sizes: 3 }, { type: 'to-tensor' }] }, 'preprocessing.steps[0].sizes'],
    [{ steps: [{ type: 'resize', width: 4, height: 4 }] }, 'preprocessing.steps'],
    [{ steps: [{ type: 'to-tensor' }, { type: 'composite-alpha' }] }, 'preprocessing.steps[0].type'],
    [{ steps: [{ type: 'center-crop-arr', size: 8 }, { type: 'composite-alpha' }, { type: 'to-tensor' }] }, 'preprocessing.steps[1].type'],
    [{ steps: [{ type: 'blur' }, { type: 'to-tensor' }] }, 'preprocessing.steps[0].type'],
    [{ steps: 'resize' }, 'preprocessing.steps'],
    [{ steps: [{ type: 'to-tensor', arithmetic: 'float16' }] }, 'preprocessing.steps[0].arithmetic'],
    [{ steps: [{ type: 'pad-to-multiple', multiple: 8, mode: 'reflect' }, { type: 'to-tensor' }] }, 'preprocessing.steps[0].mode'],
    [{ steps: [{ type: 'pad-to-multiple', multiple: 8, anchor: 'bottom' }, { type: 'to-tensor' }] }, 'preprocessing.steps[0].anchor'],
  ];
  it.each(cases)('%j -> %s', (spec, path) => {
    const error = (() => {
      try {
        createPreprocessor(spec);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(InvalidSpecError.isInstance(error)).toBe(true);
    expect((error as InvalidSpecError).path).toBe(path);
  });

  it('postprocessing: to-uint8 first, mean with std, valid clamp', () => {
    expect(() => createPostprocessor({ steps: [{ type: 'crop-padding' }] })).toThrow(InvalidSpecError);
    expect(() => createPostprocessor({ steps: [{ type: 'to-uint8', mean: [0, 0, 0] }] })).toThrow(/std/);
    expect(() => createPostprocessor({ steps: [{ type: 'to-uint8', clamp: [1, 0] }] })).toThrow(/clamp/);
    expect(() => createPostprocessor({ steps: [{ type: 'to-uint8', rounding: 'nearest' }] })).toThrow(/rounding/);
  });

  it('fills defaults and reports whether alpha is needed', () => {
    const pre = createPreprocessor([{ type: 'composite-alpha' }, { type: 'to-tensor' }]);
    expect(pre.needsAlpha).toBe(true);
    expect(pre.steps[0]).toEqual({ type: 'composite-alpha', background: [255, 255, 255] });
    expect(pre.steps[1]).toEqual({ type: 'to-tensor', mean: [0, 0, 0], std: [1, 1, 1], arithmetic: 'torchvision' });
  });
});
