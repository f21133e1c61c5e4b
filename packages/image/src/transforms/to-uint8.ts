import { InvalidArgumentError, NonFiniteValueError, ShapeMismatchError, type Tensor } from '@jointok/core';
import type { RgbImage } from '../image/types.js';

/** How a scaled float becomes a byte: `'truncate'` (`.to(uint8)` / `astype(uint8)`), `'half-even'` (`round`), `'half-up'` (`floor(y + 0.5)`). */
export type ByteRounding = 'truncate' | 'half-even' | 'half-up';

/**
 * A decoder's float output to bytes, in float32 as the references compute it:
 * `x·std + mean` (undo the normalisation, skipped without mean/std), clamp to `clamp` if given,
 * `y = x·scale + offset`, round by `rounding`, clamp to 0..255. Examples:
 * LlamaGen `clamp(127.5·x + 128, 0, 255).to(uint8)` = `{ scale: 127.5, offset: 128, rounding: 'truncate' }`;
 * torchvision `save_image` on `(x+1)/2` = `{ mean: [.5,.5,.5], std: [.5,.5,.5], scale: 255, offset: 0.5, rounding: 'truncate' }`;
 * Chameleon = `{ mean, std: 0.5, clamp: [0, 1], scale: 255, rounding: 'truncate' }`;
 * Cosmos = the same with `offset: 0.5`.
 */
export interface ToUint8Options {
  readonly mean?: readonly number[];
  readonly std?: readonly number[];
  readonly clamp?: readonly [number, number];
  /** Default 255. */
  readonly scale?: number;
  /** Default 0. */
  readonly offset?: number;
  /** Default `'truncate'`. */
  readonly rounding?: ByteRounding;
}

/** Converts a float tensor `[1, 3, H, W]` or `[3, H, W]` to an RGB image (HWC bytes). */
export function toUint8(tensor: Tensor<'float32'>, options: ToUint8Options = {}): RgbImage {
  const dims = tensor.dims;
  const [channels, height, width] = dims.length === 4 && dims[0] === 1 ? dims.slice(1) : dims;
  if (!(tensor.data instanceof Float32Array) || (dims.length !== 3 && !(dims.length === 4 && dims[0] === 1)) || channels !== 3 || !(height! > 0) || !(width! > 0)) {
    throw new ShapeMismatchError({ argument: 'tensor', expected: 'float32 [1, 3, H, W] or [3, H, W]', received: dims });
  }
  const { mean, std, clamp, scale = 255, offset = 0, rounding = 'truncate' } = options;
  if ((mean === undefined) !== (std === undefined)) throw new InvalidArgumentError({ argument: 'options', expected: 'mean and std together', received: options });
  if (!['truncate', 'half-even', 'half-up'].includes(rounding)) throw new InvalidArgumentError({ argument: 'options.rounding', expected: "'truncate', 'half-even' or 'half-up'", received: rounding });
  const f = Math.fround;
  const plane = width! * height!;
  const out = new Uint8Array(plane * 3);
  const data = tensor.data;
  for (let c = 0; c < 3; c++) {
    const s = std === undefined ? 1 : f(std[c]!);
    const m = mean === undefined ? 0 : f(mean[c]!);
    for (let p = 0; p < plane; p++) {
      let x = data[c * plane + p]!;
      if (!Number.isFinite(x)) throw new NonFiniteValueError({ argument: 'tensor', index: c * plane + p, value: x });
      if (std !== undefined) x = f(f(x * s) + m);
      if (clamp !== undefined) x = x < clamp[0] ? f(clamp[0]) : x > clamp[1] ? f(clamp[1]) : x;
      const y = f(f(x * f(scale)) + f(offset));
      const r = rounding === 'truncate' ? Math.trunc(y) : rounding === 'half-up' ? Math.floor(y + 0.5) : roundHalfEven(y);
      out[3 * p + c] = r < 0 ? 0 : r > 255 ? 255 : r;
    }
  }
  return { width: width!, height: height!, channels: 3, data: out };
}

function roundHalfEven(y: number): number {
  const floor = Math.floor(y);
  const fraction = y - floor;
  if (fraction !== 0.5) return Math.round(y);
  return floor % 2 === 0 ? floor : floor + 1;
}
