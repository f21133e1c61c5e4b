import { InvalidArgumentError, ShapeMismatchError, UnsupportedError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { ImageTooLargeError } from '../errors/image-too-large-error.js';
import { InvalidImageError } from '../errors/invalid-image-error.js';
import { createImage } from '../image/create-image.js';
import { readImage, resize, toTensor, writePng } from '../index.node.js';
import { readFixture } from '../testing/fixtures.js';
import { crc32 } from './png/crc32.js';

const png = readFixture('codecs/__fixtures__/files/rgb8.png');
const jpeg = readFixture('codecs/__fixtures__/files/baseline-420.jpg');

/** A PNG holding only the given IHDR fields (and a tiny IDAT), CRCs correct. */
function pngWithHeader(width: number, height: number, depth = 8, colorType = 2): Uint8Array {
  const chunk = (type: string, data: number[]): number[] => {
    const body = [...type].map((c) => c.charCodeAt(0)).concat(data);
    const crc = crc32(Uint8Array.from(body));
    return [...u32(data.length), ...body, ...u32(crc)];
  };
  const u32 = (v: number): number[] => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
  return Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...chunk('IHDR', [...u32(width), ...u32(height), depth, colorType, 0, 0, 0]),
    ...chunk('IDAT', [0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]),
    ...chunk('IEND', []),
  ]);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => undefined, (e: unknown) => e);
}

describe('bad image input gets typed errors', () => {
  it('truncated PNG at every chunk boundary and inside IDAT', async () => {
    for (const end of [0, 7, 8, 20, 33, 40, png.length - 13, png.length - 1]) {
      const error = await rejection(readImage(png.subarray(0, end)));
      expect(InvalidImageError.isInstance(error), `cut at ${end}`).toBe(true);
    }
  });

  it('PNG with a damaged CRC, damaged zlib data, unknown filter, zero size', async () => {
    const badCrc = png.slice();
    badCrc[40] = badCrc[40]! ^ 0xff;
    expect(await rejection(readImage(badCrc))).toMatchObject({ code: 'invalid-image', format: 'png' });
    const empty = pngWithHeader(4, 4);
    expect(await rejection(readImage(empty))).toMatchObject({ code: 'invalid-image', reason: expect.stringMatching(/truncated|zlib/) });
    expect(await rejection(readImage(pngWithHeader(0, 5)))).toMatchObject({ code: 'invalid-image', reason: expect.stringMatching(/no pixels/) });
    expect(await rejection(readImage(pngWithHeader(4, 4, 3, 2)))).toMatchObject({ reason: expect.stringMatching(/colour type 2 with bit depth 3/) });
  });

  it('decompression bombs are refused from the header, before inflating', async () => {
    const bomb = pngWithHeader(100_000, 100_000);
    const error = await rejection(readImage(bomb));
    expect(ImageTooLargeError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ width: 100_000, height: 100_000, maxPixels: 178_956_970 });
    expect(await rejection(readImage(png, { maxPixels: 100 }))).toMatchObject({ code: 'image-too-large', width: 13, height: 9 });
    // A JPEG frame header claiming 65535x65535.
    const jpegBomb = jpeg.slice();
    const sof = jpegBomb.findIndex((b, i) => b === 0xff && jpegBomb[i + 1] === 0xc0);
    jpegBomb.set([0xff, 0xff, 0xff, 0xff], sof + 5);
    expect(await rejection(readImage(jpegBomb))).toMatchObject({ code: 'image-too-large', width: 65535, height: 65535 });
  });

  it('truncated or zero-sized JPEG, and the decoder keeps working afterwards', async () => {
    for (const end of [3, 100, 300, jpeg.length - 2]) {
      expect(await rejection(readImage(jpeg.subarray(0, end))), `cut at ${end}`).toMatchObject({ code: 'invalid-image', format: 'jpeg' });
    }
    const zero = jpeg.slice();
    const sof = zero.findIndex((b, i) => b === 0xff && zero[i + 1] === 0xc0);
    zero.set([0, 0], sof + 7);
    expect(await rejection(readImage(zero))).toMatchObject({ reason: expect.stringMatching(/no pixels/) });
    const garbled = jpeg.slice();
    garbled.fill(0x00, 200, 260);
    const result = await readImage(garbled).catch((e: unknown) => e);
    expect(InvalidImageError.isInstance(result) || (result as { width: number }).width === 33).toBe(true);
    expect((await readImage(jpeg)).width).toBe(33);
  });

  it('arithmetic-coded and lossless JPEGs are unsupported (not corrupt)', async () => {
    for (const type of [0xc9, 0xca, 0xc3]) {
      const bytes = jpeg.slice();
      const sof = bytes.findIndex((b, i) => b === 0xff && bytes[i + 1] === 0xc0);
      bytes[sof + 1] = type;
      expect(UnsupportedError.isInstance(await rejection(readImage(bytes)))).toBe(true);
    }
  });

  it('bytes that are no image, and inputs that are no bytes', async () => {
    expect(await rejection(readImage(new Uint8Array(0)))).toMatchObject({ code: 'invalid-image', format: 'unknown' });
    expect(await rejection(readImage(Uint8Array.from([1, 2, 3, 4])))).toMatchObject({ code: 'invalid-image', format: 'unknown' });
    expect(InvalidArgumentError.isInstance(await rejection(readImage(42 as never)))).toBe(true);
    expect(InvalidArgumentError.isInstance(await rejection(readImage(png, { alpha: 'yes' as never })))).toBe(true);
  });

  it('a failed decode leaves its input untouched', async () => {
    const input = png.slice(0, png.length - 20);
    const before = input.slice();
    await rejection(readImage(input));
    expect(input).toEqual(before);
  });

  it('wrong channel counts and malformed images', () => {
    const gray = createImage(4, 4, 1);
    expect(() => toTensor(gray)).toThrow(ShapeMismatchError);
    expect(() => createImage(2, 2, 3, new Uint8Array(11))).toThrow(ShapeMismatchError);
    expect(() => createImage(0, 2, 3)).toThrow(InvalidArgumentError);
    expect(() => createImage(2, 2, 5 as never)).toThrow(InvalidArgumentError);
    expect(() => resize({ width: 2, height: 2, channels: 3, data: new Uint8Array(12).subarray(1) }, { width: 1, height: 1 })).toThrow(ShapeMismatchError);
    expect(() => writePng({ width: 2, height: 2, channels: 6, data: new Uint8Array(24) } as never)).toThrow(ShapeMismatchError);
  });
});

describe('writePng', () => {
  it('round-trips every channel count through readImage', async () => {
    for (const channels of [1, 2, 3, 4] as const) {
      const data = Uint8Array.from({ length: 7 * 5 * channels }, (_, i) => (i * 37 + 11) & 255);
      const image = createImage(7, 5, channels, data);
      const rgba = await readImage(writePng(image), { alpha: 'keep' });
      for (let p = 0; p < 35; p++) {
        const source = Array.from(data.subarray(p * channels, (p + 1) * channels));
        const expected = channels <= 2 ? [source[0], source[0], source[0], channels === 2 ? source[1] : 255] : channels === 3 ? [...source, 255] : source;
        expect(Array.from(rgba.data.subarray(4 * p, 4 * p + 4))).toEqual(expected);
      }
    }
  });
});

describe('PNG image data longer than the image needs', () => {
  it('decodes the image and ignores the rest, as Pillow does (Node zlib and fflate paths)', async () => {
    const { zlibSync } = await import('fflate');
    const { inflateWithNodeZlib } = await import('./png/inflate.node.js');
    const { inflateWithFflate } = await import('./png/inflate.js');
    const raw = Uint8Array.from({ length: 40 }, (_, i) => i);
    const stream = zlibSync(raw);
    for (const inflate of [inflateWithNodeZlib, inflateWithFflate]) {
      expect(Array.from(inflate(stream, 25))).toEqual(Array.from(raw.subarray(0, 25)));
      // A cut stream gives fewer bytes or throws; decodePng turns both into InvalidImageError.
      let length = -1;
      try {
        length = inflate(stream.subarray(0, stream.length - 9), 40).length;
      } catch {
        length = 0;
      }
      expect(length).toBeLessThan(40);
    }
  });
});
