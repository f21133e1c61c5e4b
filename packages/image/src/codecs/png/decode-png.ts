import { ImageTooLargeError } from '../../errors/image-too-large-error.js';
import { InvalidImageError } from '../../errors/invalid-image-error.js';
import type { DecodedImage, DecodeLimits } from '../decoded-image.js';
import { readExifOrientation } from '../exif/exif-orientation.js';
import type { Inflate } from './inflate.js';
import { readPngChunks } from './png-chunks.js';
import { readPngHeader } from './png-header.js';
import { filteredSize, unfilterSamples } from './png-pixels.js';
import { type Grayscale16Mode, toPillowPlanes } from './pillow-colors.js';

/**
 * Decodes a PNG (every colour type and bit depth, Adam7, PLTE/tRNS, eXIf orientation) to the planes
 * Pillow produces. The pixel limit is checked from IHDR before anything is inflated, and the zlib
 * stream is inflated into a buffer of exactly the size IHDR implies.
 */
export function decodePng(bytes: Uint8Array, limits: DecodeLimits, inflate: Inflate, grayscale16: Grayscale16Mode = 'clip'): DecodedImage {
  const chunks = readPngChunks(bytes);
  if (chunks[0]?.type !== 'IHDR') throw new InvalidImageError({ format: 'png', reason: 'the first chunk is not IHDR' });
  const header = readPngHeader(chunks[0].data);
  if (header.width * header.height > limits.maxPixels) {
    throw new ImageTooLargeError({ width: header.width, height: header.height, maxPixels: limits.maxPixels });
  }
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  let orientation = 1;
  const idat: Uint8Array[] = [];
  for (const chunk of chunks) {
    if (chunk.type === 'PLTE') palette = chunk.data;
    else if (chunk.type === 'tRNS') transparency = chunk.data;
    else if (chunk.type === 'IDAT') idat.push(chunk.data);
    else if (chunk.type === 'eXIf') orientation = readExifOrientation(chunk.data);
  }
  if (idat.length === 0) throw new InvalidImageError({ format: 'png', reason: 'no IDAT chunk' });
  if (header.colorType === 3 && palette === undefined) throw new InvalidImageError({ format: 'png', reason: 'palette image without PLTE chunk' });
  const expected = filteredSize(header);
  const inflated = inflateExactly(inflate, concat(idat), expected);
  const samples = unfilterSamples(inflated, header);
  const { rgb, alpha } = toPillowPlanes(samples, header, { palette, transparency }, grayscale16);
  return { width: header.width, height: header.height, rgb, alpha, orientation };
}

function inflateExactly(inflate: Inflate, compressed: Uint8Array, expected: number): Uint8Array {
  let result: Uint8Array;
  try {
    result = inflate(compressed, expected);
  } catch (cause) {
    throw new InvalidImageError({ format: 'png', reason: 'corrupt or truncated image data (zlib)', cause });
  }
  if (result.length < expected) {
    throw new InvalidImageError({ format: 'png', reason: `image data holds ${result.length} of ${expected} bytes (truncated)` });
  }
  return result;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
