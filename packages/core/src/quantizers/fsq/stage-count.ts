import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { QuantizerEncodeOptions } from '../quantizer.js';

/** The number of residual stages an encode call uses: `options.numQuantizers`, 1 … `numQuantizers`. */
export function readStageCount(options: QuantizerEncodeOptions | undefined, numQuantizers: number): number {
  const requested = options?.numQuantizers;
  if (requested === undefined) return numQuantizers;
  if (!Number.isSafeInteger(requested) || requested < 1 || requested > numQuantizers) {
    throw new InvalidArgumentError({ argument: 'options.numQuantizers', expected: `an integer in [1, ${numQuantizers}]`, received: requested });
  }
  return requested;
}
