import { zlibSync } from 'fflate';
import { assertImage } from '../../image/create-image.js';
import type { Image8 } from '../../image/types.js';
import { crc32 } from './crc32.js';

const colorTypes = { 1: 0, 2: 4, 3: 2, 4: 6 } as const;

/** Options of {@link writePng}. */
export interface WritePngOptions {
  /** zlib level 0-9 (default 6). */
  readonly level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

/**
 * Encodes an 8-bit image as PNG: grey (1 channel), grey+alpha (2), RGB (3) or RGBA (4), no
 * interlacing, each row with the Paeth filter. Lossless: `readImage(writePng(x))` gives `x` back.
 */
export function writePng(image: Image8, options: WritePngOptions = {}): Uint8Array {
  assertImage(image);
  const { width, height, channels, data } = image;
  const stride = width * channels;
  const filtered = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1);
    filtered[o] = 4;
    const row = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? data[row + i - channels]! : 0;
      const b = y > 0 ? data[row - stride + i]! : 0;
      const c = y > 0 && i >= channels ? data[row - stride + i - channels]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      filtered[o + 1 + i] = (data[row + i]! - (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8;
  header[9] = colorTypes[channels];
  const parts = [chunk('IHDR', header), chunk('IDAT', zlibSync(filtered, { level: options.level ?? 6 })), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(8 + parts.reduce((n, p) => n + p.length, 0));
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}
