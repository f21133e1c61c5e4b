import type { Image8 } from '../image/types.js';

/**
 * Applies an EXIF orientation (1-8) so the image appears upright, with the operations of Pillow's
 * `ImageOps.exif_transpose`: 2 mirror, 3 rotate 180°, 4 flip, 5 transpose, 6 rotate 90° clockwise,
 * 7 transverse, 8 rotate 90° counter-clockwise. Orientation 1 (or an unknown value) returns the image.
 */
export function applyOrientation<T extends Image8>(image: T, orientation: number): T {
  if (!Number.isInteger(orientation) || orientation < 2 || orientation > 8) return image;
  const { width, height, channels, data } = image;
  const swap = orientation >= 5;
  const outWidth = swap ? height : width;
  const outHeight = swap ? width : height;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      // Source pixel (sx, sy) of output pixel (x, y).
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2: sx = width - 1 - x; sy = y; break;
        case 3: sx = width - 1 - x; sy = height - 1 - y; break;
        case 4: sx = x; sy = height - 1 - y; break;
        case 5: sx = y; sy = x; break;
        case 6: sx = y; sy = height - 1 - x; break;
        case 7: sx = width - 1 - y; sy = height - 1 - x; break;
        default: sx = width - 1 - y; sy = x; break;
      }
      const o = (y * outWidth + x) * channels;
      const p = (sy * width + sx) * channels;
      for (let c = 0; c < channels; c++) out[o + c] = data[p + c]!;
    }
  }
  return { ...image, width: outWidth, height: outHeight, data: out };
}
