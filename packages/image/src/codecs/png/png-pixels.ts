import { InvalidImageError } from '../../errors/invalid-image-error.js';
import type { PngHeader } from './png-header.js';

/** Adam7 passes: x0, y0, dx, dy. */
const adam7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** Bytes of the filtered image data, for checking the inflated size before use. */
export function filteredSize(header: PngHeader): number {
  const passes = header.interlaced ? adam7 : ([[0, 0, 1, 1]] as const);
  let size = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((header.width - x0) / dx);
    const h = Math.ceil((header.height - y0) / dy);
    if (w > 0 && h > 0) size += h * (1 + rowBytes(w, header));
  }
  return size;
}

function rowBytes(width: number, header: PngHeader): number {
  return Math.ceil((width * header.samples * header.bitDepth) / 8);
}

/**
 * Undoes the row filters (and Adam7 interlacing) of inflated PNG data and returns one raw sample per
 * element, row-major (`width * height * samples`): 0..2^depth-1, 16-bit samples as full values.
 */
export function unfilterSamples(inflated: Uint8Array, header: PngHeader): Uint8Array | Uint16Array {
  const { width, height, samples, bitDepth } = header;
  const out = bitDepth === 16 ? new Uint16Array(width * height * samples) : new Uint8Array(width * height * samples);
  const passes = header.interlaced ? adam7 : ([[0, 0, 1, 1]] as const);
  const bpp = Math.max(1, (samples * bitDepth) >> 3);
  let offset = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w <= 0 || h <= 0) continue;
    const length = rowBytes(w, header);
    let previous = new Uint8Array(length);
    let current = new Uint8Array(length);
    for (let y = 0; y < h; y++) {
      const filter = inflated[offset]!;
      const row = inflated.subarray(offset + 1, offset + 1 + length);
      offset += 1 + length;
      unfilterRow(filter, row, previous, current, bpp);
      writeSamples(current, out, w, header, ((y0 + y * dy) * width + x0) * samples, dx * samples);
      [previous, current] = [current, previous];
    }
  }
  return out;
}

function unfilterRow(filter: number, row: Uint8Array, previous: Uint8Array, out: Uint8Array, bpp: number): void {
  const n = row.length;
  switch (filter) {
    case 0:
      out.set(row);
      return;
    case 1:
      for (let i = 0; i < n; i++) out[i] = (row[i]! + (i >= bpp ? out[i - bpp]! : 0)) & 0xff;
      return;
    case 2:
      for (let i = 0; i < n; i++) out[i] = (row[i]! + previous[i]!) & 0xff;
      return;
    case 3:
      for (let i = 0; i < n; i++) out[i] = (row[i]! + (((i >= bpp ? out[i - bpp]! : 0) + previous[i]!) >> 1)) & 0xff;
      return;
    case 4: {
      // Paeth, one channel at a time so the left (a) and upper-left (c) bytes stay in locals.
      // For the first pixel a = c = 0, so the predictor is b.
      const first = Math.min(bpp, n);
      for (let i = 0; i < first; i++) out[i] = row[i]! + previous[i]!;
      for (let channel = 0; channel < first; channel++) {
        let a = out[channel]!;
        let c = previous[channel]!;
        for (let i = channel + bpp; i < n; i += bpp) {
          const b = previous[i]!;
          const p = b - c;
          const q = a - c;
          const pa = p < 0 ? -p : p;
          const pb = q < 0 ? -q : q;
          const pc = p + q < 0 ? -(p + q) : p + q;
          const value = (row[i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
          out[i] = value;
          a = value;
          c = b;
        }
      }
      return;
    }
    default:
      throw new InvalidImageError({ format: 'png', reason: `unknown row filter ${filter}` });
  }
}

/** Unpacks one row of `count` pixels into `out` starting at `start`, one pixel every `step` samples. */
function writeSamples(row: Uint8Array, out: Uint8Array | Uint16Array, count: number, header: PngHeader, start: number, step: number): void {
  const { samples, bitDepth } = header;
  if (bitDepth === 8 && step === samples) {
    out.set(row.subarray(0, count * samples), start);
  } else if (bitDepth === 8) {
    for (let x = 0, i = 0, o = start; x < count; x++, o += step) for (let s = 0; s < samples; s++) out[o + s] = row[i++]!;
  } else if (bitDepth === 16) {
    for (let x = 0, i = 0, o = start; x < count; x++, o += step) {
      for (let s = 0; s < samples; s++, i += 2) out[o + s] = (row[i]! << 8) | row[i + 1]!;
    }
  } else {
    // Sub-byte depths only occur with one sample per pixel (grey or palette), most significant bits first.
    const perByte = 8 / bitDepth;
    const mask = (1 << bitDepth) - 1;
    for (let x = 0, o = start; x < count; x++, o += step) {
      const shift = 8 - bitDepth * ((x % perByte) + 1);
      out[o] = (row[Math.floor(x / perByte)]! >> shift) & mask;
    }
  }
}
