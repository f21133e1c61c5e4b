import { InvalidArgumentError } from '@jointok/core';
import type { Image8 } from '../image/types.js';
import { resize } from '../resize/resize.js';
import { centerCrop } from './center-crop.js';
import { pythonRound } from './python-round.js';

/**
 * ADM's `center_crop_arr` (guided-diffusion, used by LlamaGen): halve with BOX while the short side
 * is at least `2·size`, resize with BICUBIC so the short side is `size` (Python `round` of each
 * side times `size / short`), then crop the centre `size x size` with floor offsets.
 */
export function centerCropArr<T extends Image8>(image: T, size: number): T {
  if (!Number.isSafeInteger(size) || size < 1) throw new InvalidArgumentError({ argument: 'size', expected: 'a positive integer', received: size });
  let current = image;
  while (Math.min(current.width, current.height) >= 2 * size) {
    current = resize(current, { width: Math.floor(current.width / 2), height: Math.floor(current.height / 2), filter: 'box' });
  }
  const scale = size / Math.min(current.width, current.height);
  current = resize(current, { width: pythonRound(current.width * scale), height: pythonRound(current.height * scale), filter: 'bicubic' });
  return centerCrop(current, { width: size, height: size, offsets: 'floor' });
}
