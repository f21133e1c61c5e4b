import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';
import type { Tensor } from '../../tensor/tensor.js';

/**
 * Kernels check vectors in their own channel-last copy, so the index they report is not the caller's.
 * This re-reports the first NaN/Infinity by its flat index in the tensor the caller passed (a cold path:
 * it runs only when encoding has already failed).
 */
function inCallerTensor(error: unknown, latents: Tensor<'float32'>): unknown {
  if (!NonFiniteValueError.isInstance(error) || error.argument !== 'latents') return error;
  const data = latents.data;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v - v !== 0) return new NonFiniteValueError({ argument: 'latents', index: i, value: v, cause: error });
  }
  return error;
}

/** Runs an encode, naming a non-finite input by its index in `latents` as the caller laid it out. */
export function withCallerIndex<T>(latents: Tensor<'float32'>, encode: () => T): T {
  try {
    return encode();
  } catch (error) {
    throw inCallerTensor(error, latents);
  }
}

/** {@link withCallerIndex} for an asynchronous encode. */
export async function withCallerIndexAsync<T>(latents: Tensor<'float32'>, encode: () => Promise<T>): Promise<T> {
  try {
    return await encode();
  } catch (error) {
    throw inCallerTensor(error, latents);
  }
}
