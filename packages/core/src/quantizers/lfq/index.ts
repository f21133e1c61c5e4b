import type { QuantizerFactory } from '../quantizer-factory.js';
import { createBsqQuantizer } from './bsq-quantizer.js';
import type { BsqSpec } from './bsq-spec.js';
import { createLfqQuantizer } from './lfq-quantizer.js';
import type { LfqSpec } from './lfq-spec.js';

export { createLfqQuantizer, createLfqKernel } from './lfq-quantizer.js';
export { createBsqQuantizer, createBsqKernel } from './bsq-quantizer.js';
export { readLfqSpec, type LfqSpec, type LfqSettings } from './lfq-spec.js';
export { readBsqSpec, type BsqSpec, type BsqSettings, type BsqIndexMode } from './bsq-spec.js';
export { encodeSignCodes, decodeSignCodes, maxSignCodeBits, type BitOrder, type SignCodePart, type SignCodePlan } from './sign-codes.js';

/**
 * Factories of this folder's quantizer types, keyed by spec `type`: `lfq` (lucidrains and
 * Open-MAGVIT2 lookup-free quantization) and `bsq` (bsq-vit binary spherical quantization).
 * The specs are validated field by field inside the factories, so the casts only narrow the type.
 */
export const lfqFactories: Readonly<Record<string, QuantizerFactory>> = {
  lfq: (spec, weights) => createLfqQuantizer(spec as LfqSpec, weights),
  bsq: (spec, weights) => createBsqQuantizer(spec as BsqSpec, weights),
};
