import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import type { QuantizerSpec } from '../quantizer.js';
import { readBoolean, readEnum, readInteger, readIntegerArray, readNumber, MAX_QUANTIZER_STAGES, MAX_VECTOR_DIM } from '../spec/spec-fields.js';
import { readCodebookBits } from './read-codebook-bits.js';
import { maxSignCodeBits, type BitOrder } from './sign-codes.js';

/**
 * Spec of a lookup-free quantizer (`type: 'lfq'`): each latent channel becomes one bit, `x > 0`.
 * Covers lucidrains `LFQ` (`bitOrder: 'msb-first'`) and Open-MAGVIT2 `LFQ` (`bitOrder: 'lsb-first'`).
 */
export interface LfqSpec extends QuantizerSpec {
  readonly type: 'lfq';
  /** Input channels. Default: `log2(codebookSize) × numCodebooks`. One of `dim`, `codebookSize` is required. */
  readonly dim?: number;
  /** Codes per codebook, a power of two up to 2^53 (its log2 is the bits per codebook). Default: `2^dim`. */
  readonly codebookSize?: number;
  /** Codebooks per vector; codebook k uses channels `[k·bits, (k+1)·bits)` (lucidrains `(c d)`). Default 1. */
  readonly numCodebooks?: number;
  /** Channel 0 is the most (`'msb-first'`, lucidrains, default) or least (`'lsb-first'`, Open-MAGVIT2) significant bit. */
  readonly bitOrder?: BitOrder;
  /**
   * Splits each codebook's bits into several codes, each its own stream (Open-MAGVIT2
   * `token_factorization` with `factorized_bits`, e.g. `[9, 9]`): code p covers the next `factorizedBits[p]`
   * channels, read in `bitOrder`. Must sum to the bits per codebook. Default: one code per codebook.
   */
  readonly factorizedBits?: readonly number[];
  /** lucidrains `spherical`: l2-normalise each codebook's latent before the sign and its codes after. Default false. */
  readonly spherical?: boolean;
  /** lucidrains `codebook_scale`: codes are ±scale (±scale/√bits when spherical). Positive; default 1. */
  readonly codebookScale?: number;
  /**
   * Project `dim` → `bits × numCodebooks` with `project_in` and back with `project_out` (`nn.Linear`
   * weights `project_in.weight` `[bits·c, dim]`, `project_out.weight` `[dim, bits·c]`).
   * Default: `dim ≠ bits × numCodebooks`.
   */
  readonly hasProjections?: boolean;
  /** The projections carry `project_in.bias` and `project_out.bias`. Default true. */
  readonly projectionHasBias?: boolean;
}

/** An LFQ spec, validated and with its defaults filled in. */
export interface LfqSettings {
  readonly dim: number;
  readonly bits: number;
  readonly numCodebooks: number;
  /** `bits × numCodebooks`: channels after `project_in`. */
  readonly codebookDims: number;
  readonly bitOrder: BitOrder;
  readonly factorizedBits: readonly number[];
  readonly spherical: boolean;
  /** `codebookScale` rounded to float32, as torch multiplies float32 tensors by it. */
  readonly codebookScale: number;
  readonly hasProjections: boolean;
  readonly projectionHasBias: boolean;
}

/** Validates an `lfq` spec and fills in the defaults; throws InvalidSpecError naming the bad field. */
export function readLfqSpec(spec: QuantizerSpec): LfqSettings {
  const numCodebooks = readInteger(spec, 'numCodebooks', { min: 1, max: MAX_QUANTIZER_STAGES, default: 1 });
  let bits = readCodebookBits(spec, 'codebookSize');
  if (bits === undefined) {
    if (spec['dim'] === undefined) throw new InvalidSpecError({ path: 'codebookSize', expected: 'a power of two (required when dim is absent)', received: undefined });
    bits = readInteger(spec, 'dim', { min: 1, max: maxSignCodeBits });
  }
  const codebookDims = bits * numCodebooks;
  const dim = readInteger(spec, 'dim', { min: 1, max: MAX_VECTOR_DIM, default: codebookDims });
  const hasProjections = readBoolean(spec, 'hasProjections', dim !== codebookDims);
  if (!hasProjections && dim !== codebookDims) {
    throw new InvalidSpecError({ path: 'hasProjections', expected: `true, since dim ${dim} ≠ log2(codebookSize) × numCodebooks = ${codebookDims}`, received: spec['hasProjections'] });
  }
  const factorizedBits = spec['factorizedBits'] === undefined ? [bits] : readIntegerArray(spec, 'factorizedBits', { min: 1 });
  const factorizedTotal = factorizedBits.reduce((sum, b) => sum + b, 0);
  if (factorizedTotal !== bits) {
    throw new InvalidSpecError({ path: 'factorizedBits', expected: `bit counts summing to log2(codebookSize) = ${bits}`, received: spec['factorizedBits'] });
  }
  return {
    dim,
    bits,
    numCodebooks,
    codebookDims,
    bitOrder: readEnum<BitOrder>(spec, 'bitOrder', ['msb-first', 'lsb-first'], 'msb-first'),
    factorizedBits,
    spherical: readBoolean(spec, 'spherical', false),
    codebookScale: Math.fround(readPositive(spec, 'codebookScale')),
    hasProjections,
    projectionHasBias: readBoolean(spec, 'projectionHasBias', true),
  };
}

function readPositive(spec: QuantizerSpec, field: string): number {
  const value = readNumber(spec, field, { default: 1 });
  // A zero or negative scale would flip or erase every sign; float32 must not flush it to 0.
  if (!(Math.fround(value) > 0) || !Number.isFinite(Math.fround(value))) {
    throw new InvalidSpecError({ path: field, expected: 'a positive float32 number', received: spec[field] });
  }
  return value;
}
