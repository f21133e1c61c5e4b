import { UnsupportedError } from '@jointok/core';
import { InvalidImageError } from '../../errors/invalid-image-error.js';
import { readExifOrientation } from '../exif/exif-orientation.js';

/** True when the bytes start with a JPEG SOI marker followed by another marker. */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** What the marker segments of a JPEG say, read without decoding any pixel. */
export interface JpegStructure {
  readonly width: number;
  readonly height: number;
  readonly components: number;
  readonly progressive: boolean;
  /** Adobe APP14 colour transform (0: none/CMYK, 1: YCbCr, 2: YCCK), or -1 without the marker. */
  readonly adobeTransform: number;
  readonly orientation: number;
}

const frameMarkers = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/**
 * Walks the marker segments up to the first scan and then over the entropy-coded data to EOI.
 * Rejects what libjpeg would reject or only "recover" from by inventing pixels: no frame header, a
 * zero-sized frame, or data that ends before EOI (Pillow raises "image file is truncated" there
 * too); arithmetic-coded, lossless and hierarchical frames are `UnsupportedError`s.
 */
export function readJpegStructure(bytes: Uint8Array): JpegStructure {
  const fail = (reason: string): never => {
    throw new InvalidImageError({ format: 'jpeg', reason });
  };
  if (!isJpeg(bytes)) fail('missing SOI marker');
  let offset = 2;
  let frame: { width: number; height: number; components: number; progressive: boolean } | undefined;
  let adobeTransform = -1;
  let orientation = 1;
  let scans = 0;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) {
      // Entropy-coded data: skip to the next marker that is not a stuffed byte or a restart marker.
      if (scans === 0) fail(`unexpected byte at ${offset}`);
      offset++;
      continue;
    }
    const marker = bytes[offset + 1];
    if (marker === undefined) break;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    if (marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7)) {
      if (scans === 0) fail(`stray marker 0x${marker.toString(16)} before the first scan`);
      offset += 2;
      continue;
    }
    if (marker === 0xd9) {
      if (frame === undefined || scans === 0) fail('EOI before any frame and scan');
      return { ...frame!, adobeTransform, orientation };
    }
    if (marker === 0xd8 || marker === 0x01) fail(`unexpected marker 0x${marker.toString(16)} at ${offset}`);
    if (offset + 4 > bytes.length) break;
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    const end = offset + 2 + length;
    if (length < 2 || end > bytes.length) break;
    const segment = bytes.subarray(offset + 4, end);
    if (frameMarkers.has(marker)) {
      if (marker !== 0xc0 && marker !== 0xc1 && marker !== 0xc2) {
        // Well-formed, but the WebAssembly libjpeg build has no arithmetic or lossless decoding.
        throw new UnsupportedError({
          feature: `JPEG frame type SOF${marker - 0xc0} (${marker === 0xc3 || marker === 0xc7 || marker === 0xcb || marker === 0xcf ? 'lossless' : 'arithmetic coding or hierarchical'})`,
          supported: ['baseline (SOF0)', 'extended Huffman (SOF1)', 'progressive Huffman (SOF2)'],
        });
      }
      if (segment.length < 6) fail('short frame header');
      const height = (segment[1]! << 8) | segment[2]!;
      const width = (segment[3]! << 8) | segment[4]!;
      const components = segment[5]!;
      if (segment[0] !== 8) fail(`unsupported sample precision ${segment[0]}`);
      if (width === 0 || height === 0) fail(`frame of ${width}x${height} has no pixels`);
      if (components !== 1 && components !== 3 && components !== 4) fail(`unsupported component count ${components}`);
      if (segment.length < 6 + 3 * components) fail('short frame header');
      frame = { width, height, components, progressive: marker === 0xc2 };
    } else if (marker === 0xee && segment.length >= 12 && segmentStartsWith(segment, 'Adobe')) {
      adobeTransform = segment[11]!;
    } else if (marker === 0xe1 && segment.length > 6 && segmentStartsWith(segment, 'Exif\0\0')) {
      orientation = readExifOrientation(segment.subarray(6));
    } else if (marker === 0xda) {
      if (frame === undefined) fail('scan before the frame header');
      scans++;
    }
    offset = end;
  }
  return fail('data ends before the EOI marker (truncated)');
}

function segmentStartsWith(segment: Uint8Array, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (segment[i] !== text.charCodeAt(i)) return false;
  return true;
}
