import { InvalidArgumentError } from '@jointok/core';
import { assertImage } from '../image/create-image.js';
import type { Image8 } from '../image/types.js';

/**
 * Copies the region `[left, left + width) x [top, top + height)`; parts outside the image are
 * zero, as in Pillow's `Image.crop`.
 */
export function crop<T extends Image8>(image: T, region: { left: number; top: number; width: number; height: number }): T {
  assertImage(image);
  const { left, top, width, height } = region;
  for (const [name, value] of Object.entries({ left, top })) {
    if (!Number.isSafeInteger(value)) throw new InvalidArgumentError({ argument: `region.${name}`, expected: 'an integer', received: value });
  }
  for (const [name, value] of Object.entries({ width, height })) {
    if (!Number.isSafeInteger(value) || value < 1) throw new InvalidArgumentError({ argument: `region.${name}`, expected: 'a positive integer', received: value });
  }
  const { channels } = image;
  const out = new Uint8Array(width * height * channels);
  const x0 = Math.max(0, left);
  const x1 = Math.min(image.width, left + width);
  if (x1 > x0) {
    for (let y = Math.max(0, top); y < Math.min(image.height, top + height); y++) {
      const from = (y * image.width + x0) * channels;
      out.set(image.data.subarray(from, from + (x1 - x0) * channels), ((y - top) * width + (x0 - left)) * channels);
    }
  }
  return { ...image, width, height, data: out };
}
