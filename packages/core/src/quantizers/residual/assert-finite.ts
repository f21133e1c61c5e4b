import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';

/** Rejects NaN and ±Infinity in latents (the detailed encode paths gather their own vectors). */
export function assertFinite(values: Float32Array, argument = 'latents'): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v !== 0) throw new NonFiniteValueError({ argument, index: i, value: v });
  }
}
