import { InvalidArgumentError } from '@jointok/core';
import type { Image8 } from '../image/types.js';
import type { ResizeFilter } from '../resize/filters.js';
import { resize } from '../resize/resize.js';

/** Options of {@link resizeTorchvision}: torchvision `Resize(size, interpolation, max_size)` on a PIL image. */
export interface TorchvisionResizeOptions {
  /** The short side (a number) or the exact `[height, width]`. */
  readonly size: number | readonly [number, number];
  /** PIL filter torchvision passes on (`InterpolationMode.BILINEAR` by default). */
  readonly filter?: ResizeFilter;
  /** Upper bound of the long side, as torchvision's `max_size`. */
  readonly maxSize?: number;
}

/** torchvision's `_compute_resized_output_size`: `[height, width]` of the resized image. */
export function torchvisionResizeSize(height: number, width: number, size: TorchvisionResizeOptions['size'], maxSize?: number): [number, number] {
  if (typeof size !== 'number') return [size[0], size[1]];
  const [short, long] = width <= height ? [width, height] : [height, width];
  // int(requested * long / short): the product is exact, the division is float, int() truncates.
  let newShort = size;
  let newLong = Math.trunc((size * long) / short);
  if (maxSize !== undefined) {
    if (maxSize <= size) throw new InvalidArgumentError({ argument: 'maxSize', expected: `a value greater than size ${size}`, received: maxSize });
    if (newLong > maxSize) {
      newShort = Math.trunc((maxSize * newShort) / newLong);
      newLong = maxSize;
    }
  }
  return width <= height ? [newLong, newShort] : [newShort, newLong];
}

/**
 * torchvision `transforms.Resize` on a PIL image: the output size as torchvision computes it (the
 * long side truncated), the image returned unchanged when that is its size, else PIL's resize (with
 * PIL's antialiasing; torchvision's `antialias` flag only affects tensors).
 */
export function resizeTorchvision<T extends Image8>(image: T, options: TorchvisionResizeOptions): T {
  const { size, filter = 'bilinear', maxSize } = options;
  const valid = typeof size === 'number' ? Number.isSafeInteger(size) && size > 0 : Array.isArray(size) && size.length === 2 && size.every((v) => Number.isSafeInteger(v) && v > 0);
  if (!valid) throw new InvalidArgumentError({ argument: 'options.size', expected: 'a positive integer or [height, width]', received: size });
  const [height, width] = torchvisionResizeSize(image.height, image.width, size, maxSize);
  if (height === image.height && width === image.width) return image;
  return resize(image, { width, height, filter });
}
