import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { maxSignCodeBits } from './sign-codes.js';

/**
 * Reads a power-of-two codebook size field (`2 … 2^53`) and returns its number of bits, or
 * `undefined` when the field is absent. Read by hand because 2^53 is past `Number.isSafeInteger`.
 */
export function readCodebookBits(spec: Readonly<Record<string, unknown>>, field: string): number | undefined {
  const value = spec[field];
  if (value === undefined || value === null) return undefined;
  const bits = typeof value === 'number' && Number.isInteger(value) && value >= 2 ? Math.log2(value) : Number.NaN;
  if (!Number.isInteger(bits) || bits > maxSignCodeBits || 2 ** bits !== value) {
    throw new InvalidSpecError({ path: field, expected: `a power of two in [2, 2^${maxSignCodeBits}]`, received: value });
  }
  return bits;
}
