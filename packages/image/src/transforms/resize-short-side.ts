import { InvalidArgumentError } from '@jointok/core';
import type { Image8 } from '../image/types.js';
import type { ResizeFilter } from '../resize/filters.js';
import { resize } from '../resize/resize.js';
import { pythonRound } from './python-round.js';

/** How a scaled side length becomes an integer. */
export type SideRounding = 'round' | 'truncate' | 'half-up';

/**
 * Resizes so the short side becomes `size`, keeping the aspect ratio: each side is
 * `side * (size / short)`, rounded by `rounding`: `'round'` is Python's `round` (ties to even,
 * Chameleon), `'truncate'` is `int()`, `'half-up'` is `int(x + 0.5)`.
 */
export function resizeShortSide<T extends Image8>(image: T, options: { size: number; filter?: ResizeFilter; rounding?: SideRounding }): T {
  const { size, filter = 'bicubic', rounding = 'round' } = options;
  if (!Number.isSafeInteger(size) || size < 1) throw new InvalidArgumentError({ argument: 'options.size', expected: 'a positive integer', received: size });
  if (!['round', 'truncate', 'half-up'].includes(rounding)) {
    throw new InvalidArgumentError({ argument: 'options.rounding', expected: "'round', 'truncate' or 'half-up'", received: rounding });
  }
  const scale = size / Math.min(image.width, image.height);
  const toInteger = rounding === 'round' ? pythonRound : rounding === 'truncate' ? Math.trunc : (x: number) => Math.trunc(x + 0.5);
  const width = Math.max(1, toInteger(scale * image.width));
  const height = Math.max(1, toInteger(scale * image.height));
  return resize(image, { width, height, filter });
}
