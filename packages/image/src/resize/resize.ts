import { InvalidArgumentError, UnsupportedError } from '@jointok/core';
import { assertImage } from '../image/create-image.js';
import type { Image8 } from '../image/types.js';
import { axisCoefficients } from './coefficients.js';
import { type ResizeFilter, resampleKernels, resizeFilters } from './filters.js';
import { premultiplyAlpha, unpremultiplyAlpha } from './premultiply.js';
import { resampleHorizontal, resampleVertical } from './resample-passes.js';
import { resizeNearest } from './resize-nearest.js';

/** Options of {@link resize}. */
export interface ResizeOptions {
  /** Output width in pixels (a positive integer). */
  readonly width: number;
  /** Output height in pixels (a positive integer). */
  readonly height: number;
  /** Resampling filter; Pillow's default for `Image.resize` is `'bicubic'`. */
  readonly filter?: ResizeFilter;
  /**
   * The source region `[left, top, right, bottom]` to map onto the output, in (fractional) input
   * pixels, as Pillow's `box` argument; Pillow passes it as float32. Default: the whole image.
   */
  readonly box?: readonly [number, number, number, number];
}

/**
 * Resizes an 8-bit image byte-for-byte as Pillow's `Image.resize(size, resample, box)` does
 * (Pillow 9.4 to 10.x): separable fixed-point convolution, horizontal pass first on just the rows the
 * vertical pass needs, a pass skipped when its axis is unchanged, antialiasing on downscaling, and
 * RGBA/LA resized premultiplied. `nearest` samples pixel centres as Pillow's affine path does.
 */
export function resize<T extends Image8>(image: T, options: ResizeOptions): T {
  assertImage(image);
  const { width, height } = options;
  const filter = options.filter ?? 'bicubic';
  if (!Number.isSafeInteger(width) || width < 1) throw new InvalidArgumentError({ argument: 'options.width', expected: 'a positive integer', received: width });
  if (!Number.isSafeInteger(height) || height < 1) throw new InvalidArgumentError({ argument: 'options.height', expected: 'a positive integer', received: height });
  if (!resizeFilters.includes(filter)) throw new UnsupportedError({ feature: `resize filter ${JSON.stringify(filter)}`, supported: resizeFilters });
  const box = readBox(options.box, image);
  const { channels } = image;
  const sameSize = width === image.width && height === image.height;
  if (sameSize && box[0] === 0 && box[1] === 0 && box[2] === image.width && box[3] === image.height) {
    return { ...image, data: image.data.slice() };
  }
  if (filter === 'nearest') {
    if (isCrop(box, width, height)) return { ...image, width, height, data: cropBytes(image.data, image.width, channels, box, width, height) };
    return { ...image, width, height, data: resizeNearest(image.data, image.width, image.height, channels, width, height, box) };
  }
  // Pillow resizes RGBA and LA premultiplied (even where the resize is only a crop).
  const hasAlpha = channels === 2 || channels === 4;
  const source = hasAlpha ? premultiplyAlpha(image.data, channels) : image.data;
  const data = isCrop(box, width, height)
    ? cropBytes(source, image.width, channels, box, width, height)
    : resampleSeparable(source, image.width, image.height, channels, width, height, box, filter);
  return { ...image, width, height, data: hasAlpha ? unpremultiplyAlpha(data, channels) : data };
}

/** An integer box of exactly the output size is a plain crop in Pillow, whatever the filter. */
function isCrop(box: readonly number[], width: number, height: number): boolean {
  return Number.isInteger(box[0]) && Number.isInteger(box[1]) && box[2]! - box[0]! === width && box[3]! - box[1]! === height;
}

function resampleSeparable(
  input: Uint8Array,
  inWidth: number,
  inHeight: number,
  channels: number,
  width: number,
  height: number,
  box: readonly [number, number, number, number],
  filter: Exclude<ResizeFilter, 'nearest'>,
): Uint8Array {
  const kernel = resampleKernels[filter];
  const needHorizontal = width !== inWidth || box[0] !== 0 || box[2] !== width;
  const needVertical = height !== inHeight || box[1] !== 0 || box[3] !== height;
  const horizontal = axisCoefficients(inWidth, box[0], box[2], width, kernel);
  const vertical = axisCoefficients(inHeight, box[1], box[3], height, kernel);
  const firstRow = vertical.bounds[0]!;
  const lastRow = vertical.bounds[2 * height - 2]! + vertical.bounds[2 * height - 1]!;
  let data = input;
  let currentWidth = inWidth;
  if (needHorizontal) {
    // Only the rows the vertical pass reads are resampled; its bounds shift to match.
    for (let y = 0; y < height; y++) vertical.bounds[2 * y]! -= firstRow;
    data = resampleHorizontal(input, inWidth, channels, firstRow, lastRow - firstRow, width, horizontal);
    currentWidth = width;
  }
  if (needVertical) data = resampleVertical(data, currentWidth, channels, height, vertical);
  return data === input ? input.slice() : data;
}

function readBox(box: ResizeOptions['box'], image: Image8): [number, number, number, number] {
  if (box === undefined) return [0, 0, image.width, image.height];
  if (!Array.isArray(box) || box.length !== 4 || !box.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new InvalidArgumentError({ argument: 'options.box', expected: 'four finite numbers [left, top, right, bottom]', received: box });
  }
  const [left, top, right, bottom] = box.map((v) => Math.fround(v)) as [number, number, number, number];
  if (left < 0 || top < 0 || right > image.width || bottom > image.height || right - left < 0 || bottom - top < 0) {
    throw new InvalidArgumentError({
      argument: 'options.box',
      expected: `a non-empty region inside the ${image.width}x${image.height} image`,
      received: box,
    });
  }
  return [left, top, right, bottom];
}

function cropBytes(data: Uint8Array, inWidth: number, channels: number, box: readonly number[], width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * channels);
  const rowBytes = width * channels;
  const left = box[0]!;
  const top = box[1]!;
  for (let y = 0; y < height; y++) {
    const start = ((top + y) * inWidth + left) * channels;
    out.set(data.subarray(start, start + rowBytes), y * rowBytes);
  }
  return out;
}
