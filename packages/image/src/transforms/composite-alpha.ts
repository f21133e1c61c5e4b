import { InvalidArgumentError } from '@jointok/core';
import { assertImage } from '../image/create-image.js';
import type { Image8, RgbImage } from '../image/types.js';
import { toRgb } from '../image/channels.js';

/**
 * Blends an RGBA image onto a solid background with Chameleon's arithmetic (double precision,
 * `(1 - a/255)·background + (a/255)·colour`, truncated to 8 bits). Images without alpha are
 * returned as RGB unchanged (the blend is the identity where alpha is 255).
 */
export function compositeAlpha(image: Image8, background: readonly [number, number, number] = [255, 255, 255]): RgbImage {
  assertImage(image);
  if (!Array.isArray(background) || background.length !== 3 || !background.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)) {
    throw new InvalidArgumentError({ argument: 'background', expected: 'three integers in 0..255', received: background });
  }
  if (image.channels === 1 || image.channels === 3) return toRgb(image);
  const { width, height, channels, data } = image;
  const out = new Uint8Array(width * height * 3);
  const colours = channels - 1;
  for (let p = 0; p < width * height; p++) {
    const alpha = data[p * channels + colours]! / 255;
    const keep = 1 - alpha;
    for (let c = 0; c < 3; c++) {
      const value = data[p * channels + (colours === 1 ? 0 : c)]!;
      out[3 * p + c] = Math.trunc(keep * background[c]! + alpha * value);
    }
  }
  return { width, height, channels: 3, data: out };
}
