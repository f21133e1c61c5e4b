import { isDenseArray } from '../../spec-input/dense-array.js';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { readEnum, readInteger, MAX_QUANTIZER_STAGES, MAX_VECTOR_DIM } from '../spec/spec-fields.js';
import type { QuantizerSpec } from '../quantizer.js';
import { readLevels, type FsqOutputDtype } from './read-fsq-spec.js';

/**
 * The most entries of a residual FSQ's stage tables (stages × the sum of the levels; 8 bytes each).
 * Published ones have a few hundred ([8, 5, 5, 5] × 4 stages: 92); 3,700 stages of [8, 5, 5, 2906]
 * once asked for 86 MB.
 */
export const MAX_RESIDUAL_FSQ_TABLE = 1 << 20;

/** Which published residual FSQ algorithm a `residual-fsq` spec follows. */
export type ResidualFsqVariant = 'lucidrains' | 'cosmos';

/** The validated settings of a `residual-fsq` spec (see {@link createResidualFsqQuantizer}). */
export interface ResidualFsqSettings {
  readonly variant: ResidualFsqVariant;
  readonly levels: readonly number[];
  readonly numQuantizers: number;
  readonly dim: number;
  /** lucidrains: the stage quantizers clamp (`'hard-clamp'`) or use tanh; cosmos: always `'tanh'`. */
  readonly bound: 'tanh' | 'hard-clamp';
  /** lucidrains: per-channel soft clamp `c` of `tanh(x/c)·c`, float32; `undefined` for none. */
  readonly softClamp: readonly number[] | undefined;
  readonly outputDtype: FsqOutputDtype;
}

/** Reads and validates the fields of a `residual-fsq` spec. */
export function readResidualFsqSettings(spec: QuantizerSpec): ResidualFsqSettings {
  const variant = readEnum<ResidualFsqVariant>(spec, 'variant', ['lucidrains', 'cosmos'], 'lucidrains');
  const levels = readLevels(spec);
  const numQuantizers = readInteger(spec, 'numQuantizers', { min: 1, max: MAX_QUANTIZER_STAGES });
  // Each stage tabulates what it subtracts for every level of every channel.
  const levelCount = levels.reduce((sum, l) => sum + l, 0);
  if (numQuantizers * levelCount > MAX_RESIDUAL_FSQ_TABLE) {
    throw new InvalidSpecError({ path: 'numQuantizers', expected: `at most ${Math.floor(MAX_RESIDUAL_FSQ_TABLE / levelCount)} stages for levels summing to ${levelCount} (stages × Σ levels ≤ ${MAX_RESIDUAL_FSQ_TABLE})`, received: numQuantizers });
  }
  if (variant === 'cosmos') {
    // Cosmos's ResidualFSQuantizer has no projections, no clamp options and bf16 stage outputs.
    readInteger(spec, 'dim', { min: levels.length, max: levels.length, default: levels.length });
    rejectField(spec, 'bound', 'tanh');
    rejectField(spec, 'softClampInputValue', undefined);
    const outputDtype = readEnum<FsqOutputDtype>(spec, 'outputDtype', ['float32', 'bfloat16'], 'bfloat16');
    return { variant, levels, numQuantizers, dim: levels.length, bound: 'tanh', softClamp: undefined, outputDtype };
  }
  const dim = readInteger(spec, 'dim', { min: 1, max: MAX_VECTOR_DIM, default: levels.length });
  const bound = readEnum<'tanh' | 'hard-clamp'>(spec, 'bound', ['hard-clamp', 'tanh'], 'hard-clamp');
  readEnum<FsqOutputDtype>(spec, 'outputDtype', ['float32'], 'float32');
  return { variant, levels, numQuantizers, dim, bound, softClamp: readSoftClamp(spec, levels, bound), outputDtype: 'float32' };
}

// lucidrains: with the hard clamp the input is always soft-clamped to 1 + 1/(L−1) (its own value is
// refused); with tanh it is soft-clamped only when a value is given.
function readSoftClamp(spec: QuantizerSpec, levels: readonly number[], bound: 'tanh' | 'hard-clamp'): number[] | undefined {
  const value = spec['softClampInputValue'];
  if (bound === 'hard-clamp') {
    rejectField(spec, 'softClampInputValue', undefined);
    return levels.map((l) => Math.fround(1 + Math.fround(1 / (l - 1))));
  }
  if (value === undefined || value === null) return undefined;
  const values = typeof value === 'number' ? levels.map(() => value) : value;
  const valid = isDenseArray(values) && values.length === levels.length && values.every((v) => typeof v === 'number' && Number.isFinite(v) && v > 0);
  if (!valid) {
    throw new InvalidSpecError({ path: 'softClampInputValue', expected: `a positive number or ${levels.length} positive numbers (one per level)`, received: value });
  }
  return (values as number[]).map((v) => Math.fround(v));
}

function rejectField(spec: QuantizerSpec, field: string, allowed: unknown): void {
  const value = spec[field];
  if (value === undefined || value === null || value === allowed) return;
  const expected = allowed === undefined ? 'no value with this variant/bound' : `${JSON.stringify(allowed)} (the only value this variant supports)`;
  throw new InvalidSpecError({ path: field, expected, received: value });
}

