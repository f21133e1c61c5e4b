import { assertImage } from './create-image.js';
import type { Image8, RgbImage, RgbaImage } from './types.js';

/**
 * The RGB channels of an image: grey is repeated, alpha dropped (Pillow's `convert('RGB')` for
 * L, LA, RGB and RGBA images). Returns the same object when it is already RGB.
 */
export function toRgb(image: Image8): RgbImage {
  assertImage(image);
  if (image.channels === 3) return image as RgbImage;
  const { width, height, channels, data } = image;
  const out = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; j < out.length; i += channels, j += 3) {
    if (channels <= 2) {
      const v = data[i]!;
      out[j] = v;
      out[j + 1] = v;
      out[j + 2] = v;
    } else {
      out[j] = data[i]!;
      out[j + 1] = data[i + 1]!;
      out[j + 2] = data[i + 2]!;
    }
  }
  return { width, height, channels: 3, data: out };
}

/** An RGBA copy of an image: grey repeated, opaque alpha added where there is none. */
export function toRgba(image: Image8): RgbaImage {
  assertImage(image);
  if (image.channels === 4) return image as RgbaImage;
  const { width, height, channels, data } = image;
  const out = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; j < out.length; i += channels, j += 4) {
    if (channels <= 2) {
      out[j] = out[j + 1] = out[j + 2] = data[i]!;
      out[j + 3] = channels === 2 ? data[i + 1]! : 255;
    } else {
      out[j] = data[i]!;
      out[j + 1] = data[i + 1]!;
      out[j + 2] = data[i + 2]!;
      out[j + 3] = 255;
    }
  }
  return { width, height, channels: 4, data: out };
}
