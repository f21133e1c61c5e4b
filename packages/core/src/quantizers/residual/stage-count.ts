import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { QuantizerEncodeOptions } from '../quantizer.js';

/**
 * The number of residual stages an encode call uses: `options.numQuantizers` (the reference's
 * `n_q` / `n_quantizers`), or all `maxStages` when absent.
 *
 * @throws InvalidArgumentError when `numQuantizers` is not an integer in `[1, maxStages]`
 */
export function stageCount(options: QuantizerEncodeOptions | undefined, maxStages: number): number {
  const requested = options?.numQuantizers;
  if (requested === undefined) return maxStages;
  if (!Number.isSafeInteger(requested) || requested < 1 || requested > maxStages) {
    throw new InvalidArgumentError({ argument: 'options.numQuantizers', expected: `an integer in [1, ${maxStages}]`, received: requested });
  }
  return requested;
}
