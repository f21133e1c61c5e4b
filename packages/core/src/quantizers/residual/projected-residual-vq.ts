import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import type { Tensor } from '../../tensor/tensor.js';
import { arrangeCodes, collectCodes } from '../layout/arrange-codes.js';
import { createLayoutQuantizer } from '../layout/create-layout-quantizer.js';
import { withCallerIndex } from '../layout/caller-index.js';
import { gatherVectors, scatterVectors } from '../layout/gather-vectors.js';
import type { CodeArray, Quantizer, QuantizerDecodeOptions, QuantizerEncodeOptions, QuantizerOptions, QuantizerSpec, QuantizerWeights, VectorQuantizerKernel } from '../quantizer.js';
import { readInteger, readNumber, MAX_QUANTIZER_STAGES, MAX_VECTOR_DIM } from '../spec/spec-fields.js';
import { assertFinite } from './assert-finite.js';
import { decodeProjectedStage, projectedStageSteps, readProjectedStage, type ProjectedStage } from './projected-stage.js';
import type { EncodeSteps } from '../search/encode-steps.js';
import { runEncodeSteps } from '../search/run-encode-steps.js';
import { readLayout } from './read-layout.js';
import { readStageDims } from './read-stage-dims.js';
import { readWeightPrefix } from './read-weight-prefix.js';
import { stageCount } from './stage-count.js';

/** Everything DAC's `forward` returns besides the losses. */
export interface ProjectedResidualEncoding {
  /** Codes in the spec's index layout (DAC: `[B, N, T]`). */
  readonly codes: Tensor<'int32' | 'int64'>;
  /** The quantized latent `z`, in the input's layout, with the reference's straight-through arithmetic. */
  readonly output: Tensor<'float32'>;
  /**
   * The per-stage projected latents `z_e = in_proj(residual)` concatenated stage after stage along the
   * channel axis (DAC's `latents`, `[B, Σ codebookDim, T]`), in the input's layout.
   */
  readonly latents: Tensor<'float32'>;
}

/** Everything DAC's `from_codes` returns. */
export interface ProjectedResidualDecoding {
  /** `Σ_i out_proj_i(codebook_i[code_i])`, in the decode layout. */
  readonly output: Tensor<'float32'>;
  /** The RAW codebook rows concatenated stage after stage along the channel axis (DAC's `decoded_latents`). */
  readonly latents: Tensor<'float32'>;
}

/** A `projected-residual-vq` quantizer: the plain {@link Quantizer} plus the per-stage latents. */
export interface ProjectedResidualQuantizer extends Quantizer {
  /** Encodes like `encode` and also returns the forward output and the projected latents. */
  encodeDetailed(latents: Tensor<'float32'>, options?: QuantizerEncodeOptions): ProjectedResidualEncoding;
  /** Decodes like `decode` and also returns the raw codebook rows of every stage. */
  decodeDetailed(codes: Tensor<'int32' | 'int64'>, options?: QuantizerDecodeOptions): ProjectedResidualDecoding;
}

/**
 * Builds a `projected-residual-vq` quantizer: DAC's `ResidualVectorQuantize` (factorized, l2-normalised
 * residual VQ). Stage i projects the residual with a weight-normed 1×1 conv to `codebookDim` channels,
 * finds the nearest row between `F.normalize(z_e)` and `F.normalize(codebook)` (first index on ties),
 * takes the RAW row, projects it back with `out_proj`, and subtracts that from the residual.
 *
 * Spec fields:
 * - `numQuantizers` (required, ≥ 1): stages (`n_codebooks`); `encode(x, { numQuantizers })` is DAC's
 *   `n_quantizers`, and `decode` accepts the codes of the first k stages.
 * - `codebookSize` (required, ≥ 1): rows per stage codebook.
 * - `dim` (required): input channels (`input_dim`).
 * - `codebookDim` (default 8): channels of the codebooks, one integer or one per stage.
 * - `normEps` (default 1e-12): the `F.normalize` eps of the lookup.
 * - `weightPrefix` (default `''`): put before every weight name (`quantizer.` for a whole model's state dict).
 * - Layout fields: the defaults follow DAC, `channelAxis: 'first'` (`[B, D, T]`) and
 *   `indexLayout: 'streams-after-batch'` (codes `[B, N, T]`).
 *
 * Weights, per stage i: `quantizers.<i>.in_proj.{weight_v, weight_g, bias}` (`[codebookDim, dim, 1]`,
 * `[codebookDim, 1, 1]`, `[codebookDim]`), `quantizers.<i>.out_proj.{weight_v, weight_g, bias}`
 * (`[dim, codebookDim, 1]`, ...), `quantizers.<i>.codebook.weight` `[codebookSize, codebookDim]`.
 * Weight norm is folded as torch does, `W[o,:] = g[o]·v[o,:]/‖v[o,:]‖₂`; a plain folded
 * `quantizers.<i>.in_proj.weight` (or the parametrizations API's `original0`/`original1`) works too.
 *
 * @throws InvalidSpecError naming the bad field; WeightsMismatchError naming the bad weight
 */
export function createProjectedResidualVqQuantizer(spec: QuantizerSpec, weights: QuantizerWeights, options: QuantizerOptions = {}): ProjectedResidualQuantizer {
  const numQuantizers = readInteger(spec, 'numQuantizers', { min: 1, max: MAX_QUANTIZER_STAGES });
  const codebookSize = readInteger(spec, 'codebookSize', { min: 1, max: 2 ** 31 });
  const dim = readInteger(spec, 'dim', { min: 1, max: MAX_VECTOR_DIM });
  const codebookDims = readStageDims(spec, numQuantizers, 8);
  const eps = readNumber(spec, 'normEps', { min: 0, default: 1e-12 });
  const weightPrefix = readWeightPrefix(spec);
  const stages = codebookDims.map((codebookDim, i) => readProjectedStage(weights, weightPrefix, i, dim, codebookSize, codebookDim, eps));
  const fullSpec: QuantizerSpec = { ...spec, channelAxis: spec.channelAxis ?? 'first', indexLayout: spec.indexLayout ?? 'streams-after-batch' };
  const layout = readLayout(fullSpec);

  const kernel: VectorQuantizerKernel = {
    dim,
    outputDim: dim,
    numCodebooks: numQuantizers,
    codebookSize,
    encodeSteps: (latents, count, encodeOptions) => codesOnly(encodeStageSteps(stages, checkVectors(latents, count, dim), count, stageCount(encodeOptions, numQuantizers))),
    encodeVectors: (latents, count, encodeOptions) => runEncodeSteps(encodeStageSteps(stages, checkVectors(latents, count, dim), count, stageCount(encodeOptions, numQuantizers))).codes,
    decodeVectors: (codes, count, codesPerVector) => decodeStages(stages, codes, count, codesPerVector).output,
  };
  const quantizer = createLayoutQuantizer(fullSpec, kernel, options);
  return {
    ...quantizer,
    encodeDetailed(latents, encodeOptions = {}) {
      const axis = encodeOptions.channelAxis ?? layout.channelAxis;
      const { vectors, count, batchShape } = gatherVectors(latents, dim, axis);
      withCallerIndex(latents, () => assertFinite(vectors));
      const used = stageCount(encodeOptions, numQuantizers);
      const result = runEncodeSteps(encodeStageSteps(stages, vectors, count, used));
      return {
        codes: arrangeCodes(result.codes, batchShape, used, layout.indexLayout, layout.keepStreamAxis, false),
        output: scatterVectors(result.output, batchShape, dim, axis),
        latents: scatterVectors(result.latents, batchShape, result.latents.length / Math.max(count, 1), axis),
      };
    },
    decodeDetailed(codesTensor, decodeOptions = {}) {
      const axis = decodeOptions.channelAxis ?? layout.decodeChannelAxis;
      const { codes, count, streams, batchShape } = collectCodes(codesTensor, layout.indexLayout, numQuantizers, codebookSize, layout.keepStreamAxis, decodeOptions.batchShape);
      const result = decodeStages(stages, codes, count, streams);
      return {
        output: scatterVectors(result.output, batchShape, dim, axis),
        latents: scatterVectors(result.latents, batchShape, result.latents.length / Math.max(count, 1), axis),
      };
    },
  };
}

/** What the first `used` stages produce. */
interface StagesResult {
  readonly codes: Int32Array;
  readonly output: Float32Array;
  readonly latents: Float32Array;
}

/** The codes of {@link encodeStageSteps}, as the kernel's `encodeSteps` returns them. */
function* codesOnly(steps: EncodeSteps<StagesResult>): EncodeSteps<CodeArray> {
  return (yield* steps).codes;
}

/** `count × dim` finite values, as a kernel's `encodeVectors` must check. */
function checkVectors(latents: Float32Array, count: number, dim: number): Float32Array {
  if (!Number.isSafeInteger(count) || count < 0 || latents.length !== count * dim) {
    throw new ShapeMismatchError({ argument: 'latents', expected: `${count} × ${dim} values`, received: latents.length });
  }
  assertFinite(latents);
  return latents;
}

/** Runs the first `used` stages: codes (`[count, used]`), forward output and concatenated projected latents. */
function* encodeStageSteps(stages: readonly ProjectedStage[], x: Float32Array, count: number, used: number): EncodeSteps<StagesResult> {
  const residual = Float32Array.from(x);
  const output = new Float32Array(residual.length);
  const codes = new Int32Array(count * used);
  const width = sumDims(stages, used);
  const latents = new Float32Array(count * width);
  let offset = 0;
  for (let i = 0; i < used; i++) {
    const stage = stages[i]!;
    const result = yield* projectedStageSteps(stage, residual, count, codes, used, i);
    for (let j = 0; j < residual.length; j++) {
      residual[j] = residual[j]! - result.output[j]!;
      output[j] = output[j]! + result.output[j]!;
    }
    interleave(result.projected, count, stage.codebookDim, latents, width, offset);
    offset += stage.codebookDim;
  }
  return { codes, output, latents };
}

/** Decodes `count × k` codes of the first k stages: the summed output and the concatenated raw rows. */
function decodeStages(stages: readonly ProjectedStage[], codes: CodeArray, count: number, k: number): { output: Float32Array; latents: Float32Array } {
  const width = sumDims(stages, k);
  const latents = new Float32Array(count * width);
  let output: Float32Array | undefined;
  let offset = 0;
  for (let i = 0; i < k; i++) {
    const stage = stages[i]!;
    const result = decodeProjectedStage(stage, codes, count, k, i);
    if (output === undefined) output = result.output;
    else for (let j = 0; j < output.length; j++) output[j] = output[j]! + result.output[j]!;
    interleave(result.rows, count, stage.codebookDim, latents, width, offset);
    offset += stage.codebookDim;
  }
  return { output: output ?? new Float32Array(0), latents };
}

function sumDims(stages: readonly ProjectedStage[], used: number): number {
  let width = 0;
  for (let i = 0; i < used; i++) width += stages[i]!.codebookDim;
  return width;
}

/** Copies `[count, part]` rows into columns `[offset, offset + part)` of a `[count, width]` matrix. */
function interleave(part: Float32Array, count: number, partDim: number, into: Float32Array, width: number, offset: number): void {
  for (let n = 0; n < count; n++) into.set(part.subarray(n * partDim, (n + 1) * partDim), n * width + offset);
}
