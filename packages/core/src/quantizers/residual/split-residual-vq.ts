import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { createLayoutQuantizer } from '../layout/create-layout-quantizer.js';
import type { CodeArray, Quantizer, QuantizerEncodeOptions, QuantizerOptions, QuantizerSpec, QuantizerWeights, VectorQuantizerKernel } from '../quantizer.js';
import type { EncodeSteps } from '../search/encode-steps.js';
import { runEncodeSteps } from '../search/run-encode-steps.js';
import { readInteger, MAX_QUANTIZER_STAGES, MAX_VECTOR_DIM } from '../spec/spec-fields.js';
import { createResidualVqKernel, type ResidualVqSettings } from './residual-vq-kernel.js';
import { readWeightPrefix } from './read-weight-prefix.js';
import { stageCount } from './stage-count.js';

/**
 * Builds a `split-residual-vq` quantizer: Mimi's `SplitResidualVectorQuantizer` (kyutai-labs/moshi).
 * Two independent residual VQs see the SAME input: a semantic one with `numSemantic` stages and an
 * acoustic one with the rest. Each projects the input with its own bias-free 1×1 conv to
 * `codebookDim` channels, runs euclidean residual VQ, and projects the summed rows back; the two
 * outputs are added. Codes are concatenated semantic first: `[B, numQuantizers, T]`.
 *
 * Spec fields:
 * - `numQuantizers` (required, ≥ 2): all stages, semantic + acoustic (Moshi's `n_q`, e.g. 8 of Mimi's 32).
 *   `encode(x, { numQuantizers: n })` keeps the first n codes (`set_num_codebooks`); with n ≤ `numSemantic`
 *   only the semantic quantizer runs.
 * - `numSemantic` (default 1, < `numQuantizers`): stages of the semantic quantizer (`n_q_semantic`).
 * - `codebookSize` (required): rows per codebook (`bins`, 2048 in Mimi).
 * - `dim` (required): input channels (`input_dimension`, 512 in Mimi).
 * - `codebookDim` (required): channels of the codebooks (`dimension`, 256 in Mimi).
 * - `outputDim` (default `dim`): output channels (`output_dimension`).
 * - `weightPrefix` (default `''`): put before every weight name (`quantizer.` for Mimi's model state dict).
 * - Layout fields: defaults follow Mimi, `channelAxis: 'first'` and `indexLayout: 'streams-after-batch'`.
 *
 * Weights, for `<part>` = `rvq_first` (semantic) and `rvq_rest` (acoustic):
 * `<part>.input_proj.weight` `[codebookDim, dim, 1]`, `<part>.output_proj.weight` `[outputDim, codebookDim, 1]`,
 * and per stage q (numbered from 0 within each part) `<part>.vq.layers.<q>._codebook.embedding_sum` with
 * `<part>.vq.layers.<q>._codebook.cluster_usage` (rows = sum / max(usage, 1e-5)), or a plain
 * `<part>.vq.layers.<q>.codebook` / `<part>.vq.codebooks` `[stages, K, codebookDim]`.
 *
 * @throws InvalidSpecError naming the bad field; WeightsMismatchError naming the bad weight
 */
export function createSplitResidualVqQuantizer(spec: QuantizerSpec, weights: QuantizerWeights, quantizerOptions: QuantizerOptions = {}): Quantizer {
  const numQuantizers = readInteger(spec, 'numQuantizers', { min: 2, max: MAX_QUANTIZER_STAGES });
  const numSemantic = readInteger(spec, 'numSemantic', { min: 1, default: 1 });
  if (numSemantic >= numQuantizers) {
    throw new InvalidSpecError({ path: 'numSemantic', expected: `an integer in [1, ${numQuantizers - 1}] (fewer than numQuantizers)`, received: numSemantic });
  }
  const dim = readInteger(spec, 'dim', { min: 1, max: MAX_VECTOR_DIM });
  const base: Omit<ResidualVqSettings, 'numQuantizers'> = {
    codebookSize: readInteger(spec, 'codebookSize', { min: 1, max: 2 ** 31 }),
    dim,
    codebookDim: readInteger(spec, 'codebookDim', { min: 1, max: MAX_VECTOR_DIM }),
    outputDim: readInteger(spec, 'outputDim', { min: 1, max: MAX_VECTOR_DIM, default: dim }),
    metric: 'euclidean',
    cosineEps: 0,
    // torch.cdist clamps squared distances at 0 before the square root.
    minSquaredDistance: 0,
    projections: true,
    projectionBias: false,
  };
  const weightPrefix = readWeightPrefix(spec);
  const part = (name: string, stages: number) =>
    createResidualVqKernel({ ...base, numQuantizers: stages }, weights, {

      codebookPrefix: `${weightPrefix}${name}.vq.`,
      projectIn: [`${weightPrefix}${name}.input_proj`],
      projectOut: [`${weightPrefix}${name}.output_proj`],
    });
  const semantic = part('rvq_first', numSemantic);
  const acoustic = part('rvq_rest', numQuantizers - numSemantic);

  // Both halves quantize the same input: the semantic codebook(s) first, then the acoustic ones.
  function* encodeSteps(latents: Float32Array, count: number, options?: QuantizerEncodeOptions): EncodeSteps<CodeArray> {
    const used = stageCount(options, numQuantizers);
    const semanticUsed = Math.min(used, numSemantic);
    const semanticCodes = yield* semantic.encodeSteps(latents, count, { numQuantizers: semanticUsed });
    if (used === semanticUsed) return semanticCodes;
    const acousticCodes = yield* acoustic.encodeSteps(latents, count, { numQuantizers: used - semanticUsed });
    return joinCodes(semanticCodes, semanticUsed, acousticCodes, used - semanticUsed, count);
  }

  const kernel: VectorQuantizerKernel = {
    dim,
    outputDim: base.outputDim,
    numCodebooks: numQuantizers,
    codebookSize: base.codebookSize,
    encodeSteps,
    encodeVectors: (latents, count, options) => runEncodeSteps(encodeSteps(latents, count, options)),
    decodeVectors(codes, count, codesPerVector) {
      const semanticUsed = Math.min(codesPerVector, numSemantic);
      const [semanticCodes, acousticCodes] = splitCodes(codes, count, codesPerVector, semanticUsed);
      const output = semantic.decodeVectors(semanticCodes, count, semanticUsed);
      if (codesPerVector === semanticUsed) return output;
      const rest = acoustic.decodeVectors(acousticCodes, count, codesPerVector - semanticUsed);
      for (let i = 0; i < output.length; i++) output[i] = output[i]! + rest[i]!;
      return output;
    },
  };
  return createLayoutQuantizer({ ...spec, channelAxis: spec.channelAxis ?? 'first', indexLayout: spec.indexLayout ?? 'streams-after-batch' }, kernel, quantizerOptions);
}

/** `[count, a]` and `[count, b]` codes side by side as `[count, a + b]`. */
function joinCodes(first: CodeArray, a: number, second: CodeArray, b: number, count: number): Int32Array {
  const codes = new Int32Array(count * (a + b));
  for (let n = 0; n < count; n++) {
    for (let i = 0; i < a; i++) codes[n * (a + b) + i] = first[n * a + i]!;
    for (let i = 0; i < b; i++) codes[n * (a + b) + a + i] = second[n * b + i]!;
  }
  return codes;
}

/** The inverse of {@link joinCodes}: the first `a` codes of each vector, and the rest. */
function splitCodes(codes: CodeArray, count: number, width: number, a: number): [Int32Array, Int32Array] {
  const first = new Int32Array(count * a);
  const second = new Int32Array(count * (width - a));
  for (let n = 0; n < count; n++) {
    for (let i = 0; i < a; i++) first[n * a + i] = codes[n * width + i]!;
    for (let i = a; i < width; i++) second[n * (width - a) + i - a] = codes[n * width + i]!;
  }
  return [first, second];
}
