import { InvalidArgumentError, ShapeMismatchError } from '@jointok/core';
import type { Image8 } from './types.js';

/**
 * Builds an image and checks it: positive integer sizes, 1-4 channels, and `data` holding exactly
 * `width * height * channels` bytes. Without `data` the pixels are zero.
 */
export function createImage<C extends Image8['channels']>(
  width: number,
  height: number,
  channels: C,
  data?: Uint8Array,
): Image8 & { readonly channels: C } {
  assertSize(width, 'width');
  assertSize(height, 'height');
  if (![1, 2, 3, 4].includes(channels)) throw new InvalidArgumentError({ argument: 'channels', expected: '1, 2, 3 or 4', received: channels });
  const length = width * height * channels;
  if (data === undefined) return { width, height, channels, data: new Uint8Array(length) };
  if (!(data instanceof Uint8Array)) throw new InvalidArgumentError({ argument: 'data', expected: 'a Uint8Array', received: data });
  if (data.length !== length) throw new ShapeMismatchError({ argument: 'data', expected: `${length} bytes (${height}x${width}x${channels})`, received: data.length });
  return { width, height, channels, data };
}

/**
 * Checks that `image` is a well-formed 8-bit image (and, with `channels`, that it has that many
 * channels): a typed error names `argument` otherwise.
 */
export function assertImage(image: unknown, argument = 'image', channels?: readonly number[]): asserts image is Image8 {
  const candidate = image as Partial<Image8> | null;
  if (typeof candidate !== 'object' || candidate === null || !(candidate.data instanceof Uint8Array)) {
    throw new InvalidArgumentError({ argument, expected: 'an image { width, height, channels, data: Uint8Array }', received: image });
  }
  assertSize(candidate.width, `${argument}.width`);
  assertSize(candidate.height, `${argument}.height`);
  const c = candidate.channels as number;
  if (!(channels ?? [1, 2, 3, 4]).includes(c)) {
    throw new ShapeMismatchError({ argument: `${argument}.channels`, expected: (channels ?? [1, 2, 3, 4]).join(' or '), received: c });
  }
  const length = (candidate.width as number) * (candidate.height as number) * c;
  if (candidate.data.length !== length) {
    throw new ShapeMismatchError({ argument: `${argument}.data`, expected: `${length} bytes (${candidate.height}x${candidate.width}x${c})`, received: candidate.data.length });
  }
}

function assertSize(value: unknown, argument: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError({ argument, expected: 'a positive integer', received: value });
  }
}
