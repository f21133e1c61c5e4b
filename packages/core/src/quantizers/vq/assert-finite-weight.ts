import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';

/** Rejects a weight holding NaN or ±Infinity, which would make every lookup meaningless. */
export function assertFiniteWeight(values: Float32Array, name: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v !== 0) throw new NonFiniteValueError({ argument: `weights[${JSON.stringify(name)}]`, index: i, value: v });
  }
}
