import { WeightsMismatchError } from '../../errors/weights-mismatch-error.js';
import { createLayoutQuantizer } from '../layout/create-layout-quantizer.js';
import { l2Normalize } from '../math/l2-normalize.js';
import { linear } from '../math/linear.js';
import type { CodeArray, Quantizer, QuantizerEncodeOptions, QuantizerSpec, QuantizerWeights, VectorQuantizerKernel } from '../quantizer.js';
import { readWeight } from '../spec/read-weight.js';
import { checkLatentShape, checkLatents } from './check-latents.js';
import { readLfqSpec, type LfqSettings, type LfqSpec } from './lfq-spec.js';
import { decodeSignCodes, encodeSignCodes, type SignCodePart, type SignCodePlan } from './sign-codes.js';

/** `F.normalize`'s default eps, as the float32 that torch clamps the norm with. */
const normalizeEps = Math.fround(1e-12);

/** The names of the projection weights (lucidrains `LFQ` parameter names). */
const projectionWeights = ['project_in.weight', 'project_in.bias', 'project_out.weight', 'project_out.bias'] as const;

/**
 * Builds a lookup-free quantizer (`type: 'lfq'`) from its spec (see {@link LfqSpec} for every field)
 * and, with projections, the weights `project_in.weight` `[bits·c, dim]`, `project_in.bias` `[bits·c]`,
 * `project_out.weight` `[dim, bits·c]` and `project_out.bias` `[dim]`.
 *
 * Each channel of the (projected) latent gives one bit, `x > 0` (so ±0 give 0); the bits of codebook
 * k (channels `[k·bits, (k+1)·bits)`) form its code in `bitOrder`, or several codes with
 * `factorizedBits`. Codes per vector: `numCodebooks × factorizedBits.length`, codebook-major.
 * Decoding gives ±codebookScale per bit (l2-normalised times codebookScale when spherical), then
 * `project_out`.
 *
 * @example lucidrains `LFQ(dim=18)` on images: `{ type: 'lfq', dim: 18, channelAxis: 'first' }`
 * @example Open-MAGVIT2 `LFQ(dim=18, codebook_size=2**18, token_factorization=True)`:
 *   `{ type: 'lfq', codebookSize: 262144, bitOrder: 'lsb-first', factorizedBits: [9, 9], channelAxis: 'first' }`
 * @throws InvalidSpecError for a bad spec field; WeightsMismatchError for a missing, misshapen or unexpected weight
 */
export function createLfqQuantizer(spec: LfqSpec, weights: QuantizerWeights = {}): Quantizer {
  return createLayoutQuantizer(spec, createLfqKernel(readLfqSpec(spec), weights));
}

/** The layout-free LFQ kernel of validated settings. */
export function createLfqKernel(settings: LfqSettings, weights: QuantizerWeights): VectorQuantizerKernel {
  const { dim, bits, numCodebooks, codebookDims, spherical, codebookScale } = settings;
  const parts: SignCodePart[] = [];
  for (let c = 0; c < numCodebooks; c++) {
    let offset = c * bits;
    for (const partBits of settings.factorizedBits) {
      parts.push({ offset, bits: partBits });
      offset += partBits;
    }
  }
  const plan: SignCodePlan = { dim: codebookDims, parts, bitOrder: settings.bitOrder };
  const projections = readProjections(settings, weights);
  const widest = Math.max(...settings.factorizedBits);

  // lucidrains `maybe_l2norm`: F.normalize over each codebook's bits, then × codebook_scale, in float32.
  const sphericalInPlace = (values: Float32Array, count: number): void => {
    l2Normalize(values, count * numCodebooks, bits, normalizeEps, values);
    for (let i = 0; i < values.length; i++) values[i] = Math.fround(values[i]! * codebookScale);
  };

  return {
    dim,
    outputDim: dim,
    numCodebooks: parts.length,
    codebookSize: 2 ** widest,
    encodeVectors(latents: Float32Array, count: number, options?: QuantizerEncodeOptions): CodeArray {
      if (projections === undefined && !spherical) {
        // The NaN/±Infinity check runs in the packing pass.
        checkLatentShape(latents, count, dim, options);
        return encodeSignCodes(latents, count, plan, true);
      }
      checkLatents(latents, count, dim, options);
      let z = latents;
      if (projections !== undefined) z = linear(latents, count, dim, projections.inWeight, codebookDims, projections.inBias);
      if (spherical) {
        // The sign survives normalisation except where float32 makes it 0 (overflowing norm, underflowing quotient).
        if (z === latents) z = Float32Array.from(latents);
        sphericalInPlace(z, count);
      }
      // An overflowing projection then normalisation (∞/∞) can make NaN of finite latents: its bit is 0 (`NaN > 0`).
      for (let i = 0; i < z.length; i++) if (z[i] !== z[i]) z[i] = 0;
      return encodeSignCodes(z, count, plan);
    },
    decodeVectors(codes: CodeArray, count: number, codesPerVector: number): Float32Array {
      const values = decodeSignCodes(codes, count, codesPerVector, plan, codebookScale);
      if (spherical) sphericalInPlace(values, count);
      if (projections === undefined) return values;
      return linear(values, count, codebookDims, projections.outWeight, dim, projections.outBias);
    },
  };
}

/** The projection weights of an LFQ with projections; checks that none are given without. */
function readProjections(settings: LfqSettings, weights: QuantizerWeights): Projections | undefined {
  const { dim, codebookDims, hasProjections, projectionHasBias } = settings;
  if (!hasProjections) {
    for (const name of projectionWeights) rejectUnexpected(weights, name, 'absent: the spec has no projections (hasProjections is false)');
    return undefined;
  }
  if (!projectionHasBias) {
    for (const name of ['project_in.bias', 'project_out.bias']) rejectUnexpected(weights, name, 'absent: projectionHasBias is false');
  }
  return {
    inWeight: readWeight(weights, 'project_in.weight', [codebookDims, dim]),
    inBias: projectionHasBias ? readWeight(weights, 'project_in.bias', [codebookDims]) : undefined,
    outWeight: readWeight(weights, 'project_out.weight', [dim, codebookDims]),
    outBias: projectionHasBias ? readWeight(weights, 'project_out.bias', [dim]) : undefined,
  };
}

/** `nn.Linear` weights `[out, in]` and biases of `project_in` and `project_out`. */
interface Projections {
  readonly inWeight: Float32Array;
  readonly inBias: Float32Array | undefined;
  readonly outWeight: Float32Array;
  readonly outBias: Float32Array | undefined;
}

function rejectUnexpected(weights: QuantizerWeights, name: string, expected: string): void {
  if (weights[name] !== undefined) throw new WeightsMismatchError({ weight: name, expected, received: 'a weight' });
}
