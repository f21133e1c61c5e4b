import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { readBoolean, readEnum, readInteger, readIntegerArray, readNumber, MAX_QUANTIZER_STAGES, MAX_VECTOR_DIM } from '../spec/spec-fields.js';
import type { QuantizerSpec } from '../quantizer.js';
import type { FsqBound } from './fsq-grid.js';

/** Element type of decoded values: `bfloat16` rounds them as Cosmos's `.to(torch.bfloat16)` does. */
export type FsqOutputDtype = 'float32' | 'bfloat16';

/** The validated settings of an `fsq` spec (see {@link createFsqQuantizer} for the fields). */
export interface FsqSettings {
  readonly levels: readonly number[];
  readonly numCodebooks: number;
  readonly dim: number;
  readonly bound: FsqBound;
  readonly preserveSymmetry: boolean;
  readonly eps: number;
  readonly outputDtype: FsqOutputDtype;
  readonly projectionBias: boolean;
}

/** Largest level count accepted per channel. */
export const MAX_FSQ_LEVEL = 65536;

/**
 * Reads `levels`: a non-empty array of integers in [2, 65536] whose product (the codebook size)
 * stays an exact integer (≤ 2^53 − 1).
 */
export function readLevels(spec: QuantizerSpec): number[] {
  const levels = readIntegerArray(spec, 'levels', { min: 2, max: MAX_FSQ_LEVEL });
  const size = levels.reduce((product, l) => product * l, 1);
  if (!Number.isSafeInteger(size)) {
    throw new InvalidSpecError({ path: 'levels', expected: 'levels whose product (the codebook size) is at most 2^53 − 1', received: levels });
  }
  return [...levels];
}

/** Reads and validates the fields of an `fsq` spec. */
export function readFsqSettings(spec: QuantizerSpec): FsqSettings {
  const levels = readLevels(spec);
  const numCodebooks = readInteger(spec, 'numCodebooks', { min: 1, max: MAX_QUANTIZER_STAGES, default: 1 });
  const dim = readInteger(spec, 'dim', { min: 1, max: MAX_VECTOR_DIM, default: levels.length * numCodebooks });
  const bound = readEnum<FsqBound>(spec, 'bound', ['tanh', 'tan', 'hard-clamp'], 'tanh');
  const preserveSymmetry = readBoolean(spec, 'preserveSymmetry', false);
  if (preserveSymmetry && bound === 'tan') {
    throw new InvalidSpecError({ path: 'bound', expected: '"tanh" or "hard-clamp" with preserveSymmetry: true', received: bound });
  }
  const eps = readNumber(spec, 'eps', { min: 0, max: 0.5, default: 1e-3 });
  const outputDtype = readEnum<FsqOutputDtype>(spec, 'outputDtype', ['float32', 'bfloat16'], 'float32');
  const projectionBias = readBoolean(spec, 'projectionBias', true);
  return { levels, numCodebooks, dim, bound, preserveSymmetry, eps, outputDtype, projectionBias };
}
