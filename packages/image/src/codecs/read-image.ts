import type { RgbImage, RgbaImage } from '../image/types.js';
import { portablePlatform } from './platform.js';
import { readImageBytes, toBytes } from './read-image-bytes.js';
import { type ReadImageOptions, resolveReadOptions } from './read-options.js';

/** What the runtime-neutral `readImage` reads: PNG or JPEG bytes. */
export type ImageBytes = ArrayBuffer | ArrayBufferView;

/**
 * Decodes PNG or JPEG bytes to the pixels Pillow gives for `Image.open(f).convert('RGB')` (or, with
 * `{ alpha: 'keep' }`, `convert('RGBA')`). Throws `InvalidImageError` for data that is not a
 * complete PNG/JPEG and `ImageTooLargeError` past `maxPixels`.
 */
export function readImage(input: ImageBytes, options: ReadImageOptions & { alpha: 'keep' }): Promise<RgbaImage>;
export function readImage(input: ImageBytes, options?: ReadImageOptions): Promise<RgbImage>;
export async function readImage(input: ImageBytes, options?: ReadImageOptions): Promise<RgbImage | RgbaImage> {
  const resolved = resolveReadOptions(options);
  return readImageBytes(toBytes(input), resolved, portablePlatform);
}
