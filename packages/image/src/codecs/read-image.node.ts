import { readFile } from 'node:fs/promises';
import type { RgbImage, RgbaImage } from '../image/types.js';
import { nodePlatform } from './platform.node.js';
import type { ImageBytes } from './read-image.js';
import { readImageBytes, toBytes } from './read-image-bytes.js';
import { type ReadImageOptions, resolveReadOptions } from './read-options.js';

/** What `readImage` reads in Node: PNG or JPEG bytes, or a file path / `file:` URL. */
export type NodeImageInput = ImageBytes | string | URL;

/**
 * Decodes a PNG or JPEG file or bytes to the pixels Pillow gives for `Image.open(f).convert('RGB')`
 * (or `convert('RGBA')` with `{ alpha: 'keep' }`).
 */
export function readImage(input: NodeImageInput, options: ReadImageOptions & { alpha: 'keep' }): Promise<RgbaImage>;
export function readImage(input: NodeImageInput, options?: ReadImageOptions): Promise<RgbImage>;
export async function readImage(input: NodeImageInput, options?: ReadImageOptions): Promise<RgbImage | RgbaImage> {
  const resolved = resolveReadOptions(options);
  const bytes = typeof input === 'string' || input instanceof URL ? new Uint8Array(await readFile(input)) : toBytes(input);
  return readImageBytes(bytes, resolved, nodePlatform);
}
