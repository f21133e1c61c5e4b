import { InvalidArgumentError, UnsupportedError } from '@jointok/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Image8 } from '../image/types.js';
import { readImage } from '../index.node.js';
import { fixturePath, readJsonFixture, sha256 } from '../testing/fixtures.js';
import type { ResizeFilter } from './filters.js';
import { crop } from '../transforms/crop.js';
import { resize } from './resize.js';

interface ResizeCase {
  source: string;
  filter: ResizeFilter;
  width: number;
  height: number;
  box?: [number, number, number, number];
  crop?: [number, number, number, number];
  sha256: string;
}
const { cases } = readJsonFixture<{ cases: ResizeCase[] }>('resize/__fixtures__/resize-goldens.json');
const sources = new Map<string, Image8>();

beforeAll(async () => {
  for (const source of new Set(cases.map((c) => c.source))) {
    const [file, variant] = source.split('#');
    const alpha = file!.includes('alpha');
    const image: Image8 = await readImage(fixturePath(`__fixtures__/photos/${file}`), { alpha: alpha ? 'keep' : 'drop' });
    if (variant === 'red') {
      const red = new Uint8Array(image.width * image.height);
      for (let i = 0; i < red.length; i++) red[i] = image.data[3 * i]!;
      sources.set(source, { width: image.width, height: image.height, channels: 1, data: red });
    } else sources.set(source, image);
  }
});

describe('resize is byte-identical to Pillow Image.resize', () => {
  it.each(cases.map((c, i) => [`${i} ${c.source}${c.crop ? ` crop ${c.crop.join(',')}` : ''} ${c.filter} ${c.width}x${c.height}${c.box ? ` box ${c.box.join(',')}` : ''}`, c] as const))('%s', (_, c) => {
    const source = c.crop ? crop(sources.get(c.source)!, { left: c.crop[0], top: c.crop[1], width: c.crop[2], height: c.crop[3] }) : sources.get(c.source)!;
    const out = resize(source, { width: c.width, height: c.height, filter: c.filter, ...(c.box ? { box: c.box } : {}) });
    expect([out.width, out.height, out.channels]).toEqual([c.width, c.height, source.channels]);
    expect(sha256(out.data)).toBe(c.sha256);
  });
});

describe('resize arguments', () => {
  const image: Image8 = { width: 4, height: 3, channels: 3, data: new Uint8Array(36) };
  it('rejects bad sizes, filters and boxes with typed errors', () => {
    expect(() => resize(image, { width: 0, height: 2 })).toThrow(InvalidArgumentError);
    expect(() => resize(image, { width: 2.5, height: 2 })).toThrow(InvalidArgumentError);
    expect(() => resize(image, { width: 2, height: 2, filter: 'cubic' as ResizeFilter })).toThrow(UnsupportedError);
    expect(() => resize(image, { width: 2, height: 2, box: [-1, 0, 2, 2] })).toThrow(InvalidArgumentError);
    expect(() => resize(image, { width: 2, height: 2, box: [0, 0, 5, 2] })).toThrow(InvalidArgumentError);
    expect(() => resize({ ...image, data: new Uint8Array(5) }, { width: 2, height: 2 })).toThrow(/data/);
  });

  it('returns a copy, never the input buffer', () => {
    const out = resize(image, { width: 4, height: 3 });
    expect(out.data).not.toBe(image.data);
    expect(out.data).toEqual(image.data);
  });
});
