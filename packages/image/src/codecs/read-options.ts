import { InvalidArgumentError } from '@jointok/core';
import type { Grayscale16Mode } from './png/pillow-colors.js';

/**
 * Pillow's decompression-bomb limit: `Image.open` raises past twice `MAX_IMAGE_PIXELS`
 * (2 × 89,478,485 pixels).
 */
export const defaultMaxPixels = 178_956_970;

/** Options of `readImage`. */
export interface ReadImageOptions {
  /**
   * `'drop'` (default) returns RGB as Pillow's `convert('RGB')`; `'keep'` returns RGBA as Pillow's
   * `convert('RGBA')` (palette and key-colour transparency included, 255 where there is none), for
   * recipes that composite alpha themselves.
   */
  readonly alpha?: 'drop' | 'keep';
  /**
   * `'ignore'` (default, as Pillow's `Image.open`) leaves EXIF orientation alone; `'apply'` rotates
   * and mirrors as `ImageOps.exif_transpose` does.
   */
  readonly orientation?: 'ignore' | 'apply';
  /** Largest `width * height` to decode, checked from the header before allocating (default {@link defaultMaxPixels}). */
  readonly maxPixels?: number;
  /** 16-bit greyscale PNG: `'clip'` (default) is Pillow's result, `'high-byte'` scales to 8 bits. */
  readonly grayscale16?: Grayscale16Mode;
}

/** Checked, defaulted read options. */
export interface ResolvedReadOptions {
  readonly alpha: 'drop' | 'keep';
  readonly orientation: 'ignore' | 'apply';
  readonly maxPixels: number;
  readonly grayscale16: Grayscale16Mode;
}

/** Validates read options, naming the bad field. */
export function resolveReadOptions(options: ReadImageOptions = {}): ResolvedReadOptions {
  const { alpha = 'drop', orientation = 'ignore', maxPixels = defaultMaxPixels, grayscale16 = 'clip' } = options;
  if (alpha !== 'drop' && alpha !== 'keep') throw new InvalidArgumentError({ argument: 'options.alpha', expected: "'drop' or 'keep'", received: alpha });
  if (orientation !== 'ignore' && orientation !== 'apply') throw new InvalidArgumentError({ argument: 'options.orientation', expected: "'ignore' or 'apply'", received: orientation });
  if (typeof maxPixels !== 'number' || !(maxPixels >= 1)) throw new InvalidArgumentError({ argument: 'options.maxPixels', expected: 'a number >= 1', received: maxPixels });
  if (grayscale16 !== 'clip' && grayscale16 !== 'high-byte') throw new InvalidArgumentError({ argument: 'options.grayscale16', expected: "'clip' or 'high-byte'", received: grayscale16 });
  return { alpha, orientation, maxPixels, grayscale16 };
}
