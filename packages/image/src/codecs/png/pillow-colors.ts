import type { PngHeader } from './png-header.js';

/** Palette (PLTE) and transparency (tRNS) chunk data of a PNG. */
export interface PngColorChunks {
  readonly palette: Uint8Array | undefined;
  readonly transparency: Uint8Array | undefined;
}

/** How 16-bit greyscale samples become 8 bits. */
export type Grayscale16Mode = 'clip' | 'high-byte';

/**
 * Raw PNG samples to the RGB and alpha planes Pillow produces with `convert('RGB')` and
 * `convert('RGBA')`:
 * - 1/2/4-bit grey scales to 0..255 (×255, ×85, ×17); 16-bit colour keeps the high byte;
 * - 16-bit grey opens as Pillow's 32-bit mode "I", whose conversion clips values to 0..255
 *   (`'clip'`, Pillow's result: most 16-bit grey images turn white); `'high-byte'` scales instead;
 * - palette indices past the end of PLTE read Pillow's default grey ramp (index i → i, i, i);
 * - a tRNS key colour makes alpha 0 where the converted 8-bit pixel equals the raw tRNS values,
 *   which is how Pillow compares them (so keys of 16-bit or sub-byte images rarely match).
 */
export function toPillowPlanes(
  samples: Uint8Array | Uint16Array,
  header: PngHeader,
  chunks: PngColorChunks,
  grayscale16: Grayscale16Mode,
): { rgb: Uint8Array; alpha: Uint8Array | undefined } {
  const count = header.width * header.height;
  const { colorType, bitDepth, samples: perPixel } = header;
  const rgb = new Uint8Array(bitDepth === 8 && colorType === 2 ? 0 : count * 3);
  const hasAlphaChannel = colorType === 4 || colorType === 6;
  const alpha = hasAlphaChannel || chunks.transparency !== undefined ? new Uint8Array(count).fill(255) : undefined;
  if (bitDepth === 8 && (colorType === 2 || colorType === 6)) {
    // The common case, without a per-sample mapping: RGB samples are the plane already.
    if (colorType === 2) {
      const plane = samples as Uint8Array;
      if (alpha !== undefined) applyKeyColour(plane, alpha, chunks.transparency!, colorType);
      return { rgb: plane, alpha };
    }
    for (let p = 0, s = 0; p < count; p++, s += 4) {
      rgb[3 * p] = samples[s]!;
      rgb[3 * p + 1] = samples[s + 1]!;
      rgb[3 * p + 2] = samples[s + 2]!;
      alpha![p] = samples[s + 3]!;
    }
    return { rgb, alpha };
  }
  const toByte = byteMap(header, grayscale16);
  if (colorType === 3) {
    const palette = paletteTable(chunks.palette);
    const trns = chunks.transparency;
    for (let p = 0; p < count; p++) {
      const index = samples[p]!;
      rgb[3 * p] = palette[3 * index]!;
      rgb[3 * p + 1] = palette[3 * index + 1]!;
      rgb[3 * p + 2] = palette[3 * index + 2]!;
      if (alpha !== undefined && trns !== undefined && index < trns.length) alpha[p] = trns[index]!;
    }
    return { rgb, alpha };
  }
  const colour = colorType === 2 || colorType === 6;
  for (let p = 0, s = 0; p < count; p++, s += perPixel) {
    if (colour) {
      rgb[3 * p] = toByte(samples[s]!);
      rgb[3 * p + 1] = toByte(samples[s + 1]!);
      rgb[3 * p + 2] = toByte(samples[s + 2]!);
    } else {
      const v = toByte(samples[s]!);
      rgb[3 * p] = rgb[3 * p + 1] = rgb[3 * p + 2] = v;
    }
    if (hasAlphaChannel) alpha![p] = bitDepth === 16 ? samples[s + perPixel - 1]! >> 8 : samples[s + perPixel - 1]!;
  }
  if (!hasAlphaChannel && alpha !== undefined) applyKeyColour(rgb, alpha, chunks.transparency!, colorType);
  return { rgb, alpha };
}

function byteMap(header: PngHeader, grayscale16: Grayscale16Mode): (v: number) => number {
  switch (header.bitDepth) {
    case 1:
      return (v) => v * 255;
    case 2:
      return (v) => v * 85;
    case 4:
      return (v) => v * 17;
    case 8:
      return (v) => v;
    default:
      return header.colorType === 0 && grayscale16 === 'clip' ? (v) => (v > 255 ? 255 : v) : (v) => v >> 8;
  }
}

function paletteTable(plte: Uint8Array | undefined): Uint8Array {
  const table = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) table[3 * i] = table[3 * i + 1] = table[3 * i + 2] = i;
  if (plte !== undefined) table.set(plte.subarray(0, Math.min(plte.length - (plte.length % 3), 768)));
  return table;
}

function applyKeyColour(rgb: Uint8Array, alpha: Uint8Array, trns: Uint8Array, colorType: number): void {
  const read = (i: number): number => (trns.length >= 2 * i + 2 ? (trns[2 * i]! << 8) | trns[2 * i + 1]! : -1);
  const [r, g, b] = colorType === 0 ? [read(0), read(0), read(0)] : [read(0), read(1), read(2)];
  for (let p = 0; p < alpha.length; p++) {
    if (rgb[3 * p] === r && rgb[3 * p + 1] === g && rgb[3 * p + 2] === b) alpha[p] = 0;
  }
}
