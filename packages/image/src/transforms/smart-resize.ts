import { InvalidArgumentError } from '@jointok/core';
import type { Image8 } from '../image/types.js';
import type { ResizeFilter } from '../resize/filters.js';
import { resize } from '../resize/resize.js';
import { pythonRound } from './python-round.js';

/** Options of {@link smartResize} (Emu3's image processor). */
export interface SmartResizeOptions {
  /** Both sides become multiples of this (Emu3's `spatial_factor`, 8). */
  readonly factor?: number;
  /** Lower bound of `width * height` (Emu3: 512·512). */
  readonly minPixels?: number;
  /** Upper bound of `width * height` (Emu3: 1024·1024). */
  readonly maxPixels?: number;
  /** Emu3 resizes with PIL BICUBIC. */
  readonly filter?: ResizeFilter;
}

/**
 * Emu3's `smart_resize`: `[height, width]` rounded to multiples of `factor` (Python `round`), then
 * scaled down (floor) or up (ceil) by `sqrt` of the pixel ratio when outside `[minPixels, maxPixels]`.
 * Throws like Emu3 for a side below `factor` or an aspect ratio above 5.
 */
export function smartResizeSize(height: number, width: number, options: SmartResizeOptions = {}): [number, number] {
  const { factor = 8, minPixels = 512 * 512, maxPixels = 1024 * 1024 } = options;
  if (height < factor || width < factor) {
    throw new InvalidArgumentError({ argument: 'image', expected: `both sides at least factor ${factor}`, received: `${width}x${height}` });
  }
  if (Math.max(height, width) / Math.min(height, width) > 5) {
    throw new InvalidArgumentError({ argument: 'image', expected: 'an aspect ratio of at most 5', received: `${width}x${height}` });
  }
  let h = pythonRound(height / factor) * factor;
  let w = pythonRound(width / factor) * factor;
  if (h * w > maxPixels) {
    const beta = Math.sqrt((height * width) / maxPixels);
    h = Math.floor(height / beta / factor) * factor;
    w = Math.floor(width / beta / factor) * factor;
  } else if (h * w < minPixels) {
    const beta = Math.sqrt(minPixels / (height * width));
    h = Math.ceil((height * beta) / factor) * factor;
    w = Math.ceil((width * beta) / factor) * factor;
  }
  return [h, w];
}

/** Emu3's resize: {@link smartResizeSize}, then a PIL resize (BICUBIC by default). */
export function smartResize<T extends Image8>(image: T, options: SmartResizeOptions = {}): T {
  const [height, width] = smartResizeSize(image.height, image.width, options);
  return resize(image, { width, height, filter: options.filter ?? 'bicubic' });
}
