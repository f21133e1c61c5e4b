import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { UnsupportedError } from '../../errors/unsupported-error.js';
import type { Tensor } from '../../tensor/tensor.js';
import { collectCodes } from '../layout/arrange-codes.js';
import { withCallerIndex } from '../layout/caller-index.js';
import { gatherVectors, scatterVectors } from '../layout/gather-vectors.js';
import type { ChannelAxis, Quantizer, QuantizerDecodeOptions, QuantizerEncodeAsyncOptions, QuantizerEncodeOptions, QuantizerOptions, QuantizerSpec, QuantizerWeights } from '../quantizer.js';
import { readEnum, readInteger, readIntegerArray, readNumber, MAX_VECTOR_DIM } from '../spec/spec-fields.js';
import { assertFinite } from './assert-finite.js';
import { averagePool, repeatAdd } from './time-scale.js';
import { decodeProjectedStage, projectedStageSteps, readProjectedStage, type ProjectedStage } from './projected-stage.js';
import type { EncodeSteps } from '../search/encode-steps.js';
import { assertNearestSearch } from '../search/assert-nearest-search.js';
import { runEncodeSteps, runEncodeStepsAsync } from '../search/run-encode-steps.js';
import { readStageDims } from './read-stage-dims.js';
import { readWeightPrefix } from './read-weight-prefix.js';
import { concatScales, splitScales } from './scale-codes.js';
import { stageCount } from './stage-count.js';

/**
 * A `multiscale-residual-vq` quantizer. Its scales have different frame rates, so besides the
 * single-tensor `encode`/`decode` it offers the per-scale form SNAC uses.
 *
 * Single-tensor form: `encode` returns int32 `[B, Σ_i T/stride_i]`, each batch row holding scale 0's
 * `T/stride_0` codes, then scale 1's, and so on (coarse first for SNAC's `[8, 4, 2, 1]`); `decode`
 * takes that back. It always covers every scale.
 */
export interface MultiscaleResidualQuantizer extends Quantizer {
  /**
   * SNAC's `codes`: one int32 tensor `[B, T/stride_i]` per scale, in stage order. `numQuantizers`
   * keeps the first n scales.
   */
  encodeScales(latents: Tensor<'float32'>, options?: QuantizerEncodeOptions): Tensor<'int32'>[];
  /** `encodeScales` with the codebook searches on `options.nearestSearch` (default: the quantizer's); same codes. */
  encodeScalesAsync(latents: Tensor<'float32'>, options?: QuantizerEncodeAsyncOptions): Promise<Tensor<'int32'>[]>;
  /** SNAC's `from_codes`: the summed, time-repeated stage outputs `[B, D, T]` (or `[B, T, D]`); accepts the first k scales. */
  decodeScales(codes: readonly Tensor<'int32' | 'int64'>[], options?: Pick<QuantizerDecodeOptions, 'channelAxis'>): Tensor<'float32'>;
  /** The time strides of the scales, as in the spec. */
  readonly strides: readonly number[];
}

/**
 * Builds a `multiscale-residual-vq` quantizer: SNAC's `ResidualVectorQuantize` (hubertsiuzdak/snac).
 * Stage i average-pools the residual over time by `strides[i]` (`avg_pool1d`, float32 sum then divide),
 * runs a DAC-style factorized stage on the pooled frames (weight-normed `in_proj`, lookup between
 * l2-normalised latents and rows, RAW row, `out_proj`), repeats each output frame `strides[i]` times
 * (nearest upsampling) and subtracts it from the residual.
 *
 * Spec fields:
 * - `strides` (required, integers ≥ 1): `vq_strides`, one per stage (SNAC: `[8, 4, 2, 1]`, 24 kHz `[4, 2, 1]`).
 *   The time length must be a multiple of every stride (SNAC pads its audio so that it is).
 * - `codebookSize` (required): rows per codebook (4096 in SNAC).
 * - `dim` (required): input channels (`latent_dim`).
 * - `codebookDim` (default 8): codebook channels, one integer or one per stage.
 * - `normEps` (default 1e-12): the `F.normalize` eps of the lookup.
 * - `weightPrefix` (default `''`): put before every weight name (`quantizer.` for a whole model's state dict).
 * - `channelAxis` / `decodeChannelAxis` (default `'first'`: `[B, D, T]`); inputs are 3-D. `indexLayout`
 *   does not apply (see {@link MultiscaleResidualQuantizer}).
 *
 * Weights: as `projected-residual-vq`, `quantizers.<i>.in_proj.*`, `quantizers.<i>.out_proj.*` (SNAC's
 * parametrized weight norm `parametrizations.weight.original0`/`original1`, the older `weight_g`/`weight_v`,
 * or a folded `weight`; plus `bias`) and `quantizers.<i>.codebook.weight`.
 *
 * The layout-free `encodeVectors`/`decodeVectors` throw UnsupportedError: one vector cannot carry one
 * code per scale.
 *
 * @throws InvalidSpecError naming the bad field; WeightsMismatchError naming the bad weight
 */
export function createMultiscaleResidualVqQuantizer(spec: QuantizerSpec, weights: QuantizerWeights, quantizerOptions: QuantizerOptions = {}): MultiscaleResidualQuantizer {
  const strides = readIntegerArray(spec, 'strides', { min: 1 });
  const codebookSize = readInteger(spec, 'codebookSize', { min: 1, max: 2 ** 31 });
  const dim = readInteger(spec, 'dim', { min: 1, max: MAX_VECTOR_DIM });
  const codebookDims = readStageDims(spec, strides.length, 8);
  const eps = readNumber(spec, 'normEps', { min: 0, default: 1e-12 });
  const weightPrefix = readWeightPrefix(spec);
  const channelAxis = readEnum<ChannelAxis>(spec, 'channelAxis', ['first', 'last'], 'first');
  const decodeChannelAxis = readEnum<ChannelAxis>(spec, 'decodeChannelAxis', ['first', 'last'], channelAxis);
  if (spec.indexLayout !== undefined) {
    throw new InvalidSpecError({ path: 'indexLayout', expected: 'absent (multiscale codes have one tensor per scale)', received: spec.indexLayout });
  }
  assertNearestSearch(quantizerOptions.nearestSearch, 'options.nearestSearch');
  const stages = codebookDims.map((codebookDim, i) => readProjectedStage(weights, weightPrefix, i, dim, codebookSize, codebookDim, eps));

  const scaleSteps = (latents: Tensor<'float32'>, options: QuantizerEncodeOptions): EncodeSteps<Tensor<'int32'>[]> => {
    const { vectors, batch, frames } = gatherSequence(latents, dim, options.channelAxis ?? channelAxis);
    withCallerIndex(latents, () => assertFinite(vectors));
    for (const stride of strides) {
      if (frames % stride !== 0) throw new ShapeMismatchError({ argument: 'latents', expected: `a time length that is a multiple of every stride (${strides.join(', ')})`, received: latents.dims });
    }
    return encodeSequenceSteps(stages, strides, vectors, batch, frames, stageCount(options, strides.length));
  };
  const encodeScales = (latents: Tensor<'float32'>, options: QuantizerEncodeOptions = {}): Tensor<'int32'>[] => runEncodeSteps(scaleSteps(latents, options));
  const encodeScalesAsync = async (latents: Tensor<'float32'>, options: QuantizerEncodeAsyncOptions = {}): Promise<Tensor<'int32'>[]> =>
    runEncodeStepsAsync(scaleSteps(latents, options), options.nearestSearch ?? quantizerOptions.nearestSearch, options.signal);
  const checkAllScales = (options: QuantizerEncodeOptions): void => {
    if (options.numQuantizers !== undefined && options.numQuantizers !== strides.length) {
      throw new InvalidArgumentError({ argument: 'options.numQuantizers', expected: `${strides.length} or absent (use encodeScales for fewer scales)`, received: options.numQuantizers });
    }
  };
  const decodeScales = (codes: readonly Tensor<'int32' | 'int64'>[], options: Pick<QuantizerDecodeOptions, 'channelAxis'> = {}): Tensor<'float32'> => {
    if (!Array.isArray(codes) || codes.length < 1 || codes.length > strides.length) {
      throw new InvalidArgumentError({ argument: 'codes', expected: `an array of 1 to ${strides.length} code tensors [B, T/stride]`, received: codes });
    }
    const scales = codes.map((tensor, i) => readScale(tensor, i, codebookSize));
    const batch = scales[0]!.batch;
    const frames = scales[0]!.length * strides[0]!;
    scales.forEach((scale, i) => {
      if (scale.batch !== batch || scale.length * strides[i]! !== frames) {
        throw new ShapeMismatchError({ argument: `codes[${i}]`, expected: `[${batch}, ${frames / strides[i]!}]`, received: codes[i]!.dims });
      }
    });
    const total = new Float32Array(batch * frames * dim);
    scales.forEach((scale, i) => {
      const stage = decodeProjectedStage(stages[i]!, scale.codes, batch * scale.length, 1, 0);
      repeatAdd(stage.output, total, batch, frames, dim, strides[i]!, false);
    });
    return scatterVectors(total, [batch, frames], dim, options.channelAxis ?? decodeChannelAxis);
  };

  const unsupported = (): never => {
    throw new UnsupportedError({ feature: 'per-vector coding of a multiscale quantizer (scales have different frame rates); use encodeScales/decodeScales' });
  };
  return {
    type: spec.type,
    spec,
    dim,
    outputDim: dim,
    numCodebooks: strides.length,
    codebookSize,
    strides,
    encodeVectors: unsupported,
    decodeVectors: unsupported,
    encodeScales,
    encodeScalesAsync,
    decodeScales,
    encode(latents, options = {}) {
      checkAllScales(options);
      return concatScales(encodeScales(latents, options));
    },
    async encodeAsync(latents, options = {}) {
      checkAllScales(options);
      return concatScales(await encodeScalesAsync(latents, options));
    },
    decode: (codes, options = {}) => decodeScales(splitScales(codes, strides, codebookSize), options),
  };
}

/** A 3-D latent as channel-last vectors `[B·T, D]` plus its batch and time sizes. */
function gatherSequence(latents: Tensor<'float32'>, dim: number, axis: ChannelAxis): { vectors: Float32Array; batch: number; frames: number } {
  const { vectors, batchShape } = gatherVectors(latents, dim, axis);
  if (batchShape.length !== 2) {
    throw new ShapeMismatchError({ argument: 'latents', expected: axis === 'first' ? `[B, ${dim}, T]` : `[B, T, ${dim}]`, received: latents.dims });
  }
  return { vectors, batch: batchShape[0]!, frames: batchShape[1]! };
}

/** Runs the first `used` scales over `[batch, frames, dim]` channel-last vectors. */
function* encodeSequenceSteps(stages: readonly ProjectedStage[], strides: readonly number[], x: Float32Array, batch: number, frames: number, used: number): EncodeSteps<Tensor<'int32'>[]> {
  const dim = x.length / Math.max(batch * frames, 1);
  const residual = Float32Array.from(x);
  const scales: Tensor<'int32'>[] = [];
  for (let i = 0; i < used; i++) {
    const stride = strides[i]!;
    const length = frames / stride;
    const pooled = stride > 1 ? averagePool(residual, batch, frames, dim, stride) : residual;
    const codes = new Int32Array(batch * length);
    const { output } = yield* projectedStageSteps(stages[i]!, pooled, batch * length, codes, 1, 0);
    repeatAdd(output, residual, batch, frames, dim, stride, true);
    scales.push({ type: 'int32', dims: [batch, length], data: codes });
  }
  return scales;
}

function readScale(tensor: Tensor<'int32' | 'int64'>, i: number, codebookSize: number): { codes: ArrayLike<number>; batch: number; length: number } {
  if (tensor === null || typeof tensor !== 'object' || tensor.dims?.length !== 2) {
    throw new ShapeMismatchError({ argument: `codes[${i}]`, expected: '[B, T/stride]', received: tensor?.dims ?? [] });
  }
  const { codes } = collectCodes(tensor, 'tokens-streams', 1, codebookSize, false);
  return { codes, batch: tensor.dims[0]!, length: tensor.dims[1]! };
}
