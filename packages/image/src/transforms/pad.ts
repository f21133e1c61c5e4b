import { InvalidArgumentError } from '@jointok/core';
import type { Image8 } from '../image/types.js';
import { crop } from './crop.js';

/** Zero padding added around an image, and the size it had before. */
export interface Padding {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** Width before padding. */
  readonly width: number;
  /** Height before padding. */
  readonly height: number;
}

/** Pads with zeros (`fill`, per channel) by the given margins. */
export function pad<T extends Image8>(image: T, margins: { top: number; left: number; bottom: number; right: number }): T {
  for (const [name, value] of Object.entries(margins)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new InvalidArgumentError({ argument: `margins.${name}`, expected: 'a non-negative integer', received: value });
  }
  return crop(image, { left: -margins.left, top: -margins.top, width: image.width + margins.left + margins.right, height: image.height + margins.top + margins.bottom });
}

/**
 * Pads with zeros so both sides are multiples of `multiple`, the extra split as Cosmos-Tokenizer
 * does: top/left get `pad >> 1`, bottom/right the rest. Returns the padding so
 * {@link removePadding} can undo it after decoding.
 */
export function padToMultiple<T extends Image8>(image: T, multiple: number): { image: T; padding: Padding } {
  if (!Number.isSafeInteger(multiple) || multiple < 1) throw new InvalidArgumentError({ argument: 'multiple', expected: 'a positive integer', received: multiple });
  const extra = (size: number): number => (size % multiple === 0 ? 0 : multiple - (size % multiple));
  const h = extra(image.height);
  const w = extra(image.width);
  const padding: Padding = { top: h >> 1, left: w >> 1, bottom: h - (h >> 1), right: w - (w >> 1), width: image.width, height: image.height };
  return { image: pad(image, padding), padding };
}

/** Crops a (decoded) padded image back to the region {@link padToMultiple} recorded. */
export function removePadding<T extends Image8>(image: T, padding: Padding): T {
  return crop(image, { left: padding.left, top: padding.top, width: padding.width, height: padding.height });
}
