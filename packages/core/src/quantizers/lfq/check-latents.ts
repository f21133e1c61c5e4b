import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import type { QuantizerEncodeOptions } from '../quantizer.js';

/**
 * Checks what a sign-bit kernel's `encodeVectors` receives: `count × dim` finite float32 values and
 * no residual-only options. NaN would silently give bit 0 (`NaN > 0` is false), hence the check here
 * as well as in the tensor wrapper: `encodeVectors` is public.
 */
export function checkLatents(latents: Float32Array, count: number, dim: number, options: QuantizerEncodeOptions | undefined): void {
  checkLatentShape(latents, count, dim, options);
  for (let i = 0; i < latents.length; i++) {
    const v = latents[i]!;
    if (v - v !== 0) throw new NonFiniteValueError({ argument: 'latents', index: i, value: v });
  }
}

/**
 * {@link checkLatents} without the finiteness scan, for kernels that check it in their encoding
 * pass (`encodeSignCodes(…, rejectNonFinite = true)`).
 */
export function checkLatentShape(latents: Float32Array, count: number, dim: number, options: QuantizerEncodeOptions | undefined): void {
  if (!(latents instanceof Float32Array)) throw new InvalidArgumentError({ argument: 'latents', expected: 'a Float32Array', received: latents });
  if (!Number.isSafeInteger(count) || count < 0 || latents.length !== count * dim) {
    throw new ShapeMismatchError({ argument: 'latents', expected: `${count} × ${dim} values (count × dim)`, received: latents.length });
  }
  if (options?.numQuantizers !== undefined) {
    throw new InvalidArgumentError({ argument: 'options.numQuantizers', expected: 'undefined: lookup-free quantizers have no residual stages', received: options.numQuantizers });
  }
}
