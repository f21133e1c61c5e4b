import { ShapeMismatchError } from '@jointok/core';
import { assertImage } from '../image/create-image.js';
import type { Image8 } from '../image/types.js';

/**
 * Peak signal-to-noise ratio in dB over every sample of two same-shaped images:
 * `10·log10(dataRange² / MSE)`, as scikit-image's `peak_signal_noise_ratio(a, b, data_range=255)`.
 * Identical images give `Infinity`.
 */
export function psnr(a: Image8, b: Image8, options: { dataRange?: number } = {}): number {
  assertSameShape(a, b);
  const { dataRange = 255 } = options;
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = a.data[i]! - b.data[i]!;
    sum += d * d;
  }
  const mse = sum / a.data.length;
  return mse === 0 ? Infinity : 10 * Math.log10((dataRange * dataRange) / mse);
}

/** Throws unless both are images of the same width, height and channels. */
export function assertSameShape(a: Image8, b: Image8): void {
  assertImage(a, 'a');
  assertImage(b, 'b');
  if (a.width !== b.width || a.height !== b.height || a.channels !== b.channels) {
    throw new ShapeMismatchError({ argument: 'b', expected: `${a.height}x${a.width}x${a.channels} like a`, received: [b.height, b.width, b.channels] });
  }
}
