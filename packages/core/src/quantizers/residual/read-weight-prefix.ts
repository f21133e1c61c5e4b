import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import type { QuantizerSpec } from '../quantizer.js';

/**
 * Reads `weightPrefix` (default `''`): a prefix put before every weight name, so a whole model's state
 * dict can be passed as it is (`quantizer.` for DAC and SNAC, `quantizer.vq.` for EnCodec,
 * `quantizer.` for Mimi).
 *
 * @throws InvalidSpecError when it is not a string
 */
export function readWeightPrefix(spec: QuantizerSpec): string {
  const value = spec['weightPrefix'] ?? '';
  if (typeof value !== 'string') throw new InvalidSpecError({ path: 'weightPrefix', expected: 'a string', received: value });
  return value;
}
