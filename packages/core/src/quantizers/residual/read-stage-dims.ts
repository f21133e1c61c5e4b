import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import type { QuantizerSpec } from '../quantizer.js';

/**
 * Reads `codebookDim` as one integer for every stage or an array with one integer per stage (DAC
 * accepts both), defaulting to `fallback`.
 *
 * @throws InvalidSpecError naming `codebookDim` or `codebookDim[i]`
 */
export function readStageDims(spec: QuantizerSpec, stages: number, fallback: number): number[] {
  const value = spec['codebookDim'] ?? fallback;
  if (Array.isArray(value)) {
    if (value.length !== stages) throw new InvalidSpecError({ path: 'codebookDim', expected: `one integer per stage (${stages})`, received: value });
    return value.map((v, i) => {
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) throw new InvalidSpecError({ path: `codebookDim[${i}]`, expected: 'an integer ≥ 1', received: v });
      return v;
    });
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidSpecError({ path: 'codebookDim', expected: 'an integer ≥ 1, or an array of them (one per stage)', received: value });
  }
  return new Array<number>(stages).fill(value);
}
