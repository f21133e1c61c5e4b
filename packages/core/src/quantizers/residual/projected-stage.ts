import { l2Normalize } from '../math/l2-normalize.js';
import { linear } from '../math/linear.js';
import { squaredNorms } from '../math/squared-norms.js';
import { nearestRequest, type EncodeSteps } from '../search/encode-steps.js';
import { createNearestLookup, type NearestLookup } from '../search/nearest-lookup.js';
import type { QuantizerWeights } from '../quantizer.js';
import { readWeight } from '../spec/read-weight.js';
import { readProjection, type Projection } from './read-projection.js';

/**
 * One factorized stage of DAC / SNAC (`VectorQuantize`): a weight-normed 1×1 conv `in_proj` to
 * `codebookDim` channels, a nearest-row lookup between l2-normalised latents and l2-normalised
 * codebook rows, the RAW row as the quantized latent, and `out_proj` back.
 */
export interface ProjectedStage {
  readonly codebookDim: number;
  readonly codebookSize: number;
  readonly inProj: Projection;
  readonly outProj: Projection;
  /** Raw rows `[K, codebookDim]`: what the stage returns. */
  readonly codebook: Float32Array;
  /** `F.normalize(codebook, eps)`: what the lookup compares with. */
  readonly normalizedCodebook: Float32Array;
  readonly normalizedNorms: Float64Array;
  /** The search over the normalised rows. */
  readonly lookup: NearestLookup;
  readonly eps: number;
}

/**
 * Reads stage `i` (names after `weightPrefix`): `quantizers.<i>.in_proj.*` `[codebookDim, dim]`, `quantizers.<i>.out_proj.*`
 * `[dim, codebookDim]` (weight-normed `weight_v`/`weight_g`, parametrized, or a folded `weight`, plus
 * `bias`), and `quantizers.<i>.codebook.weight` `[K, codebookDim]`.
 */
export function readProjectedStage(weights: QuantizerWeights, weightPrefix: string, i: number, dim: number, codebookSize: number, codebookDim: number, eps: number): ProjectedStage {
  const prefix = `${weightPrefix}quantizers.${i}`;
  const inProj = readProjection(weights, `${prefix}.in_proj`, codebookDim, dim, true);
  const outProj = readProjection(weights, `${prefix}.out_proj`, dim, codebookDim, true);
  const codebook = readWeight(weights, `${prefix}.codebook.weight`, [codebookSize, codebookDim]);
  const normalizedCodebook = l2Normalize(codebook, codebookSize, codebookDim, eps);
  const normalizedNorms = squaredNorms(normalizedCodebook, codebookSize, codebookDim);
  const lookup = createNearestLookup({ rows: normalizedCodebook, size: codebookSize, dim: codebookDim, metric: 'l2', squaredNorms: normalizedNorms });
  return { codebookDim, codebookSize, inProj, outProj, codebook, normalizedCodebook, normalizedNorms, lookup, eps };
}

/** What one stage produced for `count` vectors. */
export interface StageResult {
  /** `in_proj(x)`: the projected latents `[count, codebookDim]` (DAC's `latents`). */
  readonly projected: Float32Array;
  /** `out_proj(z_e + (z_q − z_e))` `[count, dim]`: the stage's contribution to the forward output. */
  readonly output: Float32Array;
}

/**
 * Runs one stage on `count` vectors of `x` (`[count, dim]`), writing the codes to
 * `codes[n * stride + offset]`; written as encode steps, it yields its one codebook search. The forward output keeps the reference's straight-through arithmetic
 * `z_e + (z_q − z_e)` in float32 (not bit-equal to `z_q`), because later stages see the residual it
 * leaves.
 */
export function* projectedStageSteps(stage: ProjectedStage, x: Float32Array, count: number, codes: Int32Array, stride: number, offset: number): EncodeSteps<StageResult> {
  const { codebookDim, inProj, outProj } = stage;
  const projected = linear(x, count, inProj.inDim, inProj.weight, codebookDim, inProj.bias);
  const normalized = l2Normalize(projected, count, codebookDim, stage.eps);
  yield nearestRequest(stage.lookup, normalized, count, codes, stride, offset);
  const straightThrough = new Float32Array(count * codebookDim);
  for (let n = 0; n < count; n++) {
    const row = codes[n * stride + offset]! * codebookDim;
    for (let d = 0; d < codebookDim; d++) {
      const ze = projected[n * codebookDim + d]!;
      straightThrough[n * codebookDim + d] = ze + Math.fround(stage.codebook[row + d]! - ze);
    }
  }
  return { projected, output: linear(straightThrough, count, codebookDim, outProj.weight, outProj.outDim, outProj.bias) };
}

/** Decodes codes of one stage: the raw rows (`[count, codebookDim]`) and `out_proj(rows)` (`[count, dim]`). */
export function decodeProjectedStage(stage: ProjectedStage, codes: ArrayLike<number>, count: number, stride: number, offset: number): { rows: Float32Array; output: Float32Array } {
  const { codebookDim, outProj } = stage;
  const rows = new Float32Array(count * codebookDim);
  for (let n = 0; n < count; n++) {
    const row = codes[n * stride + offset]! * codebookDim;
    rows.set(stage.codebook.subarray(row, row + codebookDim), n * codebookDim);
  }
  return { rows, output: linear(rows, count, codebookDim, outProj.weight, outProj.outDim, outProj.bias) };
}
