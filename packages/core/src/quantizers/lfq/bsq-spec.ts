import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import type { QuantizerSpec } from '../quantizer.js';
import { readBoolean, readEnum, readInteger } from '../spec/spec-fields.js';
import { maxSignCodeBits } from './sign-codes.js';

/** Which codes a BSQ quantizer produces: one index per vector, or one per group of `groupSize` channels. */
export type BsqIndexMode = 'full' | 'groups';

/**
 * Spec of a binary spherical quantizer (`type: 'bsq'`, bsq-vit `BinarySphericalQuantizer`): each
 * channel becomes one bit, `x > 0`, channel 0 the most significant bit. The quantizer does not
 * normalise its input (bsq-vit's model does that before calling it).
 */
export interface BsqSpec extends QuantizerSpec {
  readonly type: 'bsq';
  /** Channels (bits) per vector, `embed_dim`; 1 … 53. The full index is exact up to 2^53. */
  readonly embedDim: number;
  /** Channels per group (`group_size`); must divide `embedDim`. Default: `embedDim` (one group). */
  readonly groupSize?: number;
  /** `l2_norm`: decoded codes are ±1/√embedDim instead of ±1. Default false. */
  readonly l2Norm?: boolean;
  /**
   * `'full'` (default): one code per vector, `Σ bit_d·2^(D−1−d)` (bsq-vit `indices`, but exact past 24 bits).
   * `'groups'`: `embedDim / groupSize` codes per vector, each MSB-first within its group (bsq-vit `group_indices`).
   */
  readonly indexMode?: BsqIndexMode;
}

/** A BSQ spec, validated and with its defaults filled in. */
export interface BsqSettings {
  readonly embedDim: number;
  readonly groupSize: number;
  readonly l2Norm: boolean;
  readonly indexMode: BsqIndexMode;
}

/** Validates a `bsq` spec and fills in the defaults; throws InvalidSpecError naming the bad field. */
export function readBsqSpec(spec: QuantizerSpec): BsqSettings {
  const embedDim = readInteger(spec, 'embedDim', { min: 1, max: maxSignCodeBits });
  const groupSize = readInteger(spec, 'groupSize', { min: 1, max: embedDim, default: embedDim });
  if (embedDim % groupSize !== 0) {
    throw new InvalidSpecError({ path: 'groupSize', expected: `a divisor of embedDim ${embedDim}`, received: groupSize });
  }
  return {
    embedDim,
    groupSize,
    l2Norm: readBoolean(spec, 'l2Norm', false),
    indexMode: readEnum<BsqIndexMode>(spec, 'indexMode', ['full', 'groups'], 'full'),
  };
}
