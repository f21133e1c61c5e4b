import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import type { CodeArray } from '../quantizer.js';

/**
 * Checks the arguments of a kernel's `encodeVectors`: `count × dim` finite float32 values.
 * (`encode` checks its tensor too; this guards direct `encodeVectors` calls.)
 */
export function assertLatentVectors(latents: Float32Array, count: number, dim: number): void {
  assertLatentShape(latents, count, dim);
  const bad = firstNonFinite(latents);
  if (bad >= 0) throw nonFiniteLatent(latents, bad);
}

/** The type and length checks of {@link assertLatentVectors}, for kernels that check finiteness in their own pass. */
export function assertLatentShape(latents: Float32Array, count: number, dim: number): void {
  if (!(latents instanceof Float32Array)) {
    throw new InvalidArgumentError({ argument: 'latents', expected: 'a Float32Array of count × dim values', received: latents });
  }
  if (!Number.isSafeInteger(count) || count < 0 || latents.length !== count * dim) {
    throw new ShapeMismatchError({ argument: 'latents', expected: `${count} × ${dim} values`, received: latents.length });
  }
}

/** The flat index of the first NaN or ±Infinity in `values`, or −1. */
export function firstNonFinite(values: Float32Array): number {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v !== 0) return i;
  }
  return -1;
}

/** The error for the non-finite latent at flat index `index`. */
export function nonFiniteLatent(latents: Float32Array, index: number): NonFiniteValueError {
  return new NonFiniteValueError({ argument: 'latents', index, value: latents[index]! });
}

/**
 * Checks the arguments of a kernel's `decodeVectors`: `count × codesPerVector` integer codes in
 * `[0, codebookSize)`, with `codesPerVector` in `[minCodes, maxCodes]`.
 */
export function assertCodeVectors(codes: CodeArray, count: number, codesPerVector: number, minCodes: number, maxCodes: number, codebookSize: number): void {
  if (!(codes instanceof Int32Array || codes instanceof Float64Array)) {
    throw new InvalidArgumentError({ argument: 'codes', expected: 'an Int32Array or Float64Array of count × codesPerVector codes', received: codes });
  }
  if (!Number.isSafeInteger(codesPerVector) || codesPerVector < minCodes || codesPerVector > maxCodes) {
    const expected = minCodes === maxCodes ? `${maxCodes} codes per vector` : `between ${minCodes} and ${maxCodes} codes per vector`;
    throw new ShapeMismatchError({ argument: 'codesPerVector', expected, received: codesPerVector });
  }
  if (!Number.isSafeInteger(count) || count < 0 || codes.length !== count * codesPerVector) {
    throw new ShapeMismatchError({ argument: 'codes', expected: `${count} × ${codesPerVector} codes`, received: codes.length });
  }
  for (let i = 0; i < codes.length; i++) {
    const v = codes[i]!;
    if (!(v >= 0 && v < codebookSize && Number.isInteger(v))) throw new CodeOutOfRangeError({ argument: 'codes', index: i, value: v, codebookSize });
  }
}
