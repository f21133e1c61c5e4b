import { WeightsMismatchError } from '../../errors/weights-mismatch-error.js';
import { createLayoutQuantizer } from '../layout/create-layout-quantizer.js';
import type { CodeArray, Quantizer, QuantizerEncodeOptions, QuantizerWeights, VectorQuantizerKernel } from '../quantizer.js';
import { checkLatentShape } from './check-latents.js';
import { readBsqSpec, type BsqSettings, type BsqSpec } from './bsq-spec.js';
import { decodeSignCodes, encodeSignCodes, type SignCodePlan } from './sign-codes.js';

/**
 * Builds a binary spherical quantizer (`type: 'bsq'`, bsq-vit `BinarySphericalQuantizer`) from its
 * spec (fields in {@link BsqSpec}); it has no weights.
 *
 * Encoding: bit_d = `z_d > 0` (±0 give 0); the full index is `Σ bit_d·2^(D−1−d)`, computed on exact
 * integers. bsq-vit sums in float32 and is therefore wrong past 24 bits (for `embed_dim = 36` almost
 * every index); jointok returns the exact index, as int64 once codes pass 2^31 (Float64Array in the
 * vector API). With `indexMode: 'groups'` each group of `groupSize` channels is its own code, MSB-first.
 * Decoding gives ±1 per bit, or ±1/√D (float32) with `l2Norm`, which is also the forward output
 * `zq · q_scale` for inputs below 2^24 in magnitude.
 *
 * @example bsq-vit `BinarySphericalQuantizer(embed_dim=18, group_size=9, l2_norm=True, input_format='bchw')`:
 *   `{ type: 'bsq', embedDim: 18, groupSize: 9, l2Norm: true, channelAxis: 'first' }`
 * @throws InvalidSpecError naming the bad field; WeightsMismatchError when given any weight
 */
export function createBsqQuantizer(spec: BsqSpec, weights: QuantizerWeights = {}): Quantizer {
  const settings = readBsqSpec(spec);
  // A weight here means the caller meant another family (or a projection BSQ does not have).
  const unexpected = Object.keys(weights)[0];
  if (unexpected !== undefined) throw new WeightsMismatchError({ weight: unexpected, expected: 'no weights: bsq has no parameters', received: 'a weight' });
  return createLayoutQuantizer(spec, createBsqKernel(settings));
}

/** The layout-free BSQ kernel of validated settings. */
export function createBsqKernel(settings: BsqSettings): VectorQuantizerKernel {
  const { embedDim, groupSize, l2Norm, indexMode } = settings;
  const partBits = indexMode === 'groups' ? groupSize : embedDim;
  const parts = Array.from({ length: embedDim / partBits }, (_, g) => ({ offset: g * partBits, bits: partBits }));
  const plan: SignCodePlan = { dim: embedDim, parts, bitOrder: 'msb-first' };
  // bsq-vit: q_scale = 1/embed_dim**0.5 in double, applied to a float32 tensor as a float32 scalar.
  const magnitude = l2Norm ? Math.fround(1 / Math.sqrt(embedDim)) : 1;
  return {
    dim: embedDim,
    outputDim: embedDim,
    numCodebooks: parts.length,
    codebookSize: 2 ** partBits,
    encodeVectors(latents: Float32Array, count: number, options?: QuantizerEncodeOptions): CodeArray {
      checkLatentShape(latents, count, embedDim, options);
      return encodeSignCodes(latents, count, plan, true);
    },
    decodeVectors(codes: CodeArray, count: number, codesPerVector: number): Float32Array {
      return decodeSignCodes(codes, count, codesPerVector, plan, magnitude);
    },
  };
}
