import { InvalidArgumentError } from '@jointok/core';
import type { Image8 } from '../image/types.js';
import { crop } from './crop.js';
import { pythonRound } from './python-round.js';

/** How a centre crop places itself when the margin is odd. */
export type CropOffsets = 'floor' | 'round';

/**
 * Crops the centre `width x height`. `'floor'` puts the odd pixel at the right/bottom
 * (`(W - w) // 2`: ADM/LlamaGen, Chameleon); `'round'` uses `int(round((W - w) / 2.0))` with Python's
 * ties-to-even (torchvision's `CenterCrop`). An image smaller than the crop is first padded with
 * zeros as torchvision does (left/top get `(w - W) // 2`).
 */
export function centerCrop<T extends Image8>(image: T, options: { width: number; height: number; offsets?: CropOffsets }): T {
  const { width, height, offsets = 'floor' } = options;
  if (offsets !== 'floor' && offsets !== 'round') throw new InvalidArgumentError({ argument: 'options.offsets', expected: "'floor' or 'round'", received: offsets });
  const place = (outer: number, inner: number): number => {
    if (inner > outer) return -Math.floor((inner - outer) / 2);
    return offsets === 'floor' ? Math.floor((outer - inner) / 2) : pythonRound((outer - inner) / 2);
  };
  return crop(image, { left: place(image.width, width), top: place(image.height, height), width, height });
}
