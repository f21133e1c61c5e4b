import { InvalidArgumentError } from '@jointok/core';
import { ImageTooLargeError } from '../errors/image-too-large-error.js';
import { InvalidImageError } from '../errors/invalid-image-error.js';
import type { RgbImage, RgbaImage } from '../image/types.js';
import { portablePlatform } from './platform.js';
import type { ImageBytes } from './read-image.js';
import { readImageBytes, toBytes } from './read-image-bytes.js';
import { type ReadImageOptions, type ResolvedReadOptions, resolveReadOptions } from './read-options.js';

/**
 * What `readImage` reads in browsers: PNG/JPEG bytes or a `Blob`/`File` (decoded by this package,
 * equal to Pillow), or pixels the browser already decoded: `ImageData`, `ImageBitmap`, an
 * `HTMLImageElement`, a canvas (the browser's decoder and colour management, not Pillow's).
 */
export type BrowserImageInput = ImageBytes | Blob | ImageData | CanvasImageSource;

/** Decodes an image in the browser; see {@link BrowserImageInput} for what is exact. */
export function readImage(input: BrowserImageInput, options: ReadImageOptions & { alpha: 'keep' }): Promise<RgbaImage>;
export function readImage(input: BrowserImageInput, options?: ReadImageOptions): Promise<RgbImage>;
export async function readImage(input: BrowserImageInput, options?: ReadImageOptions): Promise<RgbImage | RgbaImage> {
  const resolved = resolveReadOptions(options);
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return readImageBytes(toBytes(input), resolved, portablePlatform);
  if (typeof Blob !== 'undefined' && input instanceof Blob) return readImageBytes(new Uint8Array(await input.arrayBuffer()), resolved, portablePlatform);
  if (isImageData(input)) return fromRgba(input.data, input.width, input.height, resolved);
  return fromRgba(...drawToPixels(input as CanvasImageSource, resolved), resolved);
}

function isImageData(input: unknown): input is ImageData {
  const candidate = input as Partial<ImageData> | null;
  return typeof candidate === 'object' && candidate !== null && candidate.data instanceof Uint8ClampedArray && typeof candidate.width === 'number';
}

function drawToPixels(source: CanvasImageSource, options: ResolvedReadOptions): [Uint8ClampedArray, number, number] {
  const sized = source as { naturalWidth?: number; naturalHeight?: number; width?: number | SVGAnimatedLength; height?: number | SVGAnimatedLength };
  const width = sized.naturalWidth ?? (typeof sized.width === 'number' ? sized.width : 0);
  const height = sized.naturalHeight ?? (typeof sized.height === 'number' ? sized.height : 0);
  if (!(width > 0 && height > 0)) throw new InvalidImageError({ format: 'unknown', reason: 'the image source has no pixels (not loaded yet?)' });
  if (width * height > options.maxPixels) throw new ImageTooLargeError({ width, height, maxPixels: options.maxPixels });
  const canvas: OffscreenCanvas | HTMLCanvasElement =
    typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height });
  const context = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (context === null) throw new InvalidArgumentError({ argument: 'input', expected: 'an image source a 2D canvas can draw', received: source });
  context.drawImage(source, 0, 0);
  return [context.getImageData(0, 0, width, height).data, width, height];
}

function fromRgba(rgba: Uint8ClampedArray, width: number, height: number, options: ResolvedReadOptions): RgbImage | RgbaImage {
  if (width * height > options.maxPixels) throw new ImageTooLargeError({ width, height, maxPixels: options.maxPixels });
  if (rgba.length !== width * height * 4) throw new InvalidImageError({ format: 'unknown', reason: `ImageData of ${width}x${height} holds ${rgba.length} bytes` });
  if (options.alpha === 'keep') return { width, height, channels: 4, data: new Uint8Array(rgba) };
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; j < data.length; i += 4, j += 3) {
    data[j] = rgba[i]!;
    data[j + 1] = rgba[i + 1]!;
    data[j + 2] = rgba[i + 2]!;
  }
  return { width, height, channels: 3, data };
}
