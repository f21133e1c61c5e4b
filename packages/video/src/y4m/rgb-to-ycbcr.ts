import type { Image8 } from '@jointok/image';
import { chromaSize, type Y4mChroma } from './y4m-header.js';

/**
 * Converts RGB to 8-bit BT.601 YCbCr planes (limited range: Y in 16..235, Cb/Cr in 16..240, or full range
 * 0..255), rounding half up: `Y = 16 + (65.481 R + 128.553 G + 24.966 B) / 255`, `Cb = 128 + (−37.797 R −
 * 74.203 G + 112 B) / 255`, `Cr = 128 + (112 R − 93.786 G − 18.214 B) / 255`. Subsampled chroma is the
 * mean of each 2 × 2 (4:2:0) or 2 × 1 (4:2:2) block's chroma, rounded (blocks cut by an odd edge average
 * what they hold). Grey and RGBA input use their first three channels' meaning (grey as R = G = B).
 */
export function rgbToYcbcr(image: Image8, chroma: Y4mChroma, colorRange: 'limited' | 'full' = 'limited'): Uint8Array {
  const { width, height, channels, data } = image;
  const c = chromaSize({ width, height, chroma });
  const out = new Uint8Array(width * height + 2 * c.width * c.height);
  const cbFull = new Float64Array(width * height);
  const crFull = new Float64Array(width * height);
  const lumaScale = colorRange === 'limited' ? 219 / 255 : 1;
  const chromaScale = colorRange === 'limited' ? 224 / 255 : 1;
  const lumaOffset = colorRange === 'limited' ? 16 : 0;
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    const r = data[p]!;
    const g = channels >= 3 ? data[p + 1]! : r;
    const b = channels >= 3 ? data[p + 2]! : r;
    const luma = 0.299 * r + 0.587 * g + 0.114 * b;
    out[i] = Math.min(255, Math.max(0, Math.floor(lumaOffset + luma * lumaScale + 0.5)));
    cbFull[i] = 128 + ((b - luma) / 1.772) * chromaScale;
    crFull[i] = 128 + ((r - luma) / 1.402) * chromaScale;
  }
  const sx = chroma === '444' ? 1 : 2;
  const sy = chroma === '420' ? 2 : 1;
  const cbOffset = width * height;
  const crOffset = cbOffset + c.width * c.height;
  for (let cy = 0; cy < c.height; cy++) {
    for (let cx = 0; cx < c.width; cx++) {
      let cb = 0;
      let cr = 0;
      let n = 0;
      for (let dy = 0; dy < sy && cy * sy + dy < height; dy++) {
        for (let dx = 0; dx < sx && cx * sx + dx < width; dx++) {
          const i = (cy * sy + dy) * width + cx * sx + dx;
          cb += cbFull[i]!;
          cr += crFull[i]!;
          n++;
        }
      }
      const o = cy * c.width + cx;
      out[cbOffset + o] = Math.min(255, Math.max(0, Math.floor(cb / n + 0.5)));
      out[crOffset + o] = Math.min(255, Math.max(0, Math.floor(cr / n + 0.5)));
    }
  }
  return out;
}
