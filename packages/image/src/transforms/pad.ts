import { InvalidArgumentError } from '@jointok/core';
import type { Image8 } from '../image/types.js';
import { crop } from './crop.js';

/** Padding added around an image, and the size it had before. */
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

/** Repeats the edge pixels outward by the given margins (numpy's `mode='edge'`, torch's `replicate`). */
export function padReplicate<T extends Image8>(image: T, margins: { top: number; left: number; bottom: number; right: number }): T {
  for (const [name, value] of Object.entries(margins)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new InvalidArgumentError({ argument: `margins.${name}`, expected: 'a non-negative integer', received: value });
  }
  const { channels } = image;
  const width = image.width + margins.left + margins.right;
  const height = image.height + margins.top + margins.bottom;
  const out = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    const sourceRow = Math.min(image.height - 1, Math.max(0, y - margins.top)) * image.width;
    for (let x = 0; x < width; x++) {
      const from = (sourceRow + Math.min(image.width - 1, Math.max(0, x - margins.left))) * channels;
      out.set(image.data.subarray(from, from + channels), (y * width + x) * channels);
    }
  }
  return { ...image, width, height, data: out };
}

/** How {@link padToMultiple} fills and places the padding. */
export interface PadToMultipleOptions {
  /** `'zeros'` (default, Cosmos-Tokenizer) or `'replicate'` (edge pixels repeated). */
  readonly mode?: 'zeros' | 'replicate';
  /** `'center'` (default: top/left get `pad >> 1`, bottom/right the rest, as Cosmos) or `'top-left'` (all at the bottom and right). */
  readonly anchor?: 'center' | 'top-left';
}

/**
 * Pads so both sides are multiples of `multiple`: by default with zeros, the extra split as
 * Cosmos-Tokenizer does (top/left get `pad >> 1`, bottom/right the rest). Returns the padding so
 * {@link removePadding} can undo it after decoding.
 */
export function padToMultiple<T extends Image8>(image: T, multiple: number, options: PadToMultipleOptions = {}): { image: T; padding: Padding } {
  if (!Number.isSafeInteger(multiple) || multiple < 1) throw new InvalidArgumentError({ argument: 'multiple', expected: 'a positive integer', received: multiple });
  const { mode = 'zeros', anchor = 'center' } = options;
  if (mode !== 'zeros' && mode !== 'replicate') throw new InvalidArgumentError({ argument: 'options.mode', expected: "'zeros' or 'replicate'", received: mode });
  if (anchor !== 'center' && anchor !== 'top-left') throw new InvalidArgumentError({ argument: 'options.anchor', expected: "'center' or 'top-left'", received: anchor });
  const extra = (size: number): number => (size % multiple === 0 ? 0 : multiple - (size % multiple));
  const h = extra(image.height);
  const w = extra(image.width);
  const before = (total: number): number => (anchor === 'center' ? total >> 1 : 0);
  const padding: Padding = { top: before(h), left: before(w), bottom: h - before(h), right: w - before(w), width: image.width, height: image.height };
  return { image: mode === 'zeros' ? pad(image, padding) : padReplicate(image, padding), padding };
}

/** Crops a (decoded) padded image back to the region {@link padToMultiple} recorded. */
export function removePadding<T extends Image8>(image: T, padding: Padding): T {
  return crop(image, { left: padding.left, top: padding.top, width: padding.width, height: padding.height });
}
