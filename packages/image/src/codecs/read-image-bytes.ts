import { InvalidArgumentError } from '@jointok/core';
import { InvalidImageError } from '../errors/invalid-image-error.js';
import type { RgbImage, RgbaImage } from '../image/types.js';
import { applyOrientation } from '../transforms/orientation.js';
import type { DecodedImage } from './decoded-image.js';
import { decodeJpeg } from './jpeg/decode-jpeg.js';
import { isJpeg } from './jpeg/jpeg-structure.js';
import { decodePng } from './png/decode-png.js';
import { isPng } from './png/png-chunks.js';
import type { CodecPlatform } from './platform.js';
import type { ResolvedReadOptions } from './read-options.js';

/** Turns any byte container into a Uint8Array view without copying. */
export function toBytes(input: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  throw new InvalidArgumentError({ argument: 'input', expected: 'image bytes (Uint8Array, ArrayBuffer or a typed array view)', received: input });
}

/** Decodes PNG or JPEG bytes (sniffed from their signature) into the image `readImage` returns. */
export async function readImageBytes(bytes: Uint8Array, options: ResolvedReadOptions, platform: CodecPlatform): Promise<RgbImage | RgbaImage> {
  let decoded: DecodedImage;
  if (isPng(bytes)) decoded = decodePng(bytes, options, platform.inflate, options.grayscale16);
  else if (isJpeg(bytes)) decoded = await decodeJpeg(bytes, options, platform.jpegWasm);
  else throw new InvalidImageError({ format: 'unknown', reason: bytes.length === 0 ? 'no bytes' : 'neither a PNG nor a JPEG signature' });
  const image = options.alpha === 'keep' ? withAlpha(decoded) : ({ width: decoded.width, height: decoded.height, channels: 3, data: decoded.rgb } as RgbImage);
  return options.orientation === 'apply' ? applyOrientation(image, decoded.orientation) : image;
}

function withAlpha(decoded: DecodedImage): RgbaImage {
  const { width, height, rgb, alpha } = decoded;
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    data[4 * p] = rgb[3 * p]!;
    data[4 * p + 1] = rgb[3 * p + 1]!;
    data[4 * p + 2] = rgb[3 * p + 2]!;
    data[4 * p + 3] = alpha === undefined ? 255 : alpha[p]!;
  }
  return { width, height, channels: 4, data };
}
