import { describe, expect, it } from 'vitest';
import { readImage } from '../index.node.js';
import { readFixture, readJsonFixture } from '../testing/fixtures.js';

interface Slice {
  offset: number;
  length: number;
}
interface Entry {
  width: number;
  height: number;
  pillowMode: string;
  rgb: Slice;
  rgba: Slice;
  rgbOriented?: Slice;
  rgbHighByte?: Slice;
  orientedWidth?: number;
  orientedHeight?: number;
}
const goldens = readJsonFixture<{ files: Record<string, Entry> }>('codecs/__fixtures__/decoded.json');
const blob = readFixture('codecs/__fixtures__/decoded.u8');
const slice = (s: Slice): Uint8Array => blob.subarray(s.offset, s.offset + s.length);
const names = Object.keys(goldens.files);
// Four-component JPEGs are decoded by jpeg-js, which is not libjpeg: measured separately below.
const exact = names.filter((n) => !n.startsWith('cmyk'));

function maxDifference(a: Uint8Array, b: Uint8Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('readImage matches Pillow', () => {
  it.each(exact)('%s: RGB and RGBA identical to convert()', async (name) => {
    const entry = goldens.files[name]!;
    const bytes = readFixture(`codecs/__fixtures__/files/${name}`);
    const rgb = await readImage(bytes);
    expect([rgb.width, rgb.height, rgb.channels]).toEqual([entry.width, entry.height, 3]);
    expect(maxDifference(rgb.data, slice(entry.rgb))).toBe(0);
    const rgba = await readImage(bytes, { alpha: 'keep' });
    expect(rgba.channels).toBe(4);
    expect(maxDifference(rgba.data, slice(entry.rgba))).toBe(0);
  });

  it.each(names.filter((n) => n.startsWith('exif')))('%s: orientation "apply" equals ImageOps.exif_transpose', async (name) => {
    const entry = goldens.files[name]!;
    const image = await readImage(readFixture(`codecs/__fixtures__/files/${name}`), { orientation: 'apply' });
    expect([image.width, image.height]).toEqual([entry.orientedWidth, entry.orientedHeight]);
    expect(maxDifference(image.data, slice(entry.rgbOriented!))).toBe(0);
  });

  it.each(names.filter((n) => goldens.files[n]!.rgbHighByte))('%s: grayscale16 "high-byte" keeps the high byte of each sample', async (name) => {
    const image = await readImage(readFixture(`codecs/__fixtures__/files/${name}`), { grayscale16: 'high-byte' });
    expect(maxDifference(image.data, slice(goldens.files[name]!.rgbHighByte!))).toBe(0);
    expect(maxDifference(image.data, slice(goldens.files[name]!.rgb))).toBeGreaterThan(0);
  });

  it('CMYK JPEGs (jpeg-js) stay within 2 levels of Pillow', async () => {
    for (const name of names.filter((n) => n.startsWith('cmyk'))) {
      const image = await readImage(readFixture(`codecs/__fixtures__/files/${name}`));
      expect(maxDifference(image.data, slice(goldens.files[name]!.rgb)), name).toBeLessThanOrEqual(2);
    }
  });

  it('reads a path, and the photo fixtures', async () => {
    const image = await readImage(new URL('../__fixtures__/photos/rocket-64x96.jpg', import.meta.url));
    expect([image.width, image.height]).toEqual([64, 96]);
  });
});
