import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { l2Normalize } from '../math/l2-normalize.js';
import { linear } from '../math/linear.js';
import { squaredNorms } from '../math/squared-norms.js';
import type { CodeArray, QuantizerEncodeOptions, QuantizerWeights, VectorQuantizerKernel } from '../quantizer.js';
import { nearestRequest, type EncodeSteps } from '../search/encode-steps.js';
import { createNearestLookup, type NearestLookup } from '../search/nearest-lookup.js';
import { runEncodeSteps } from '../search/run-encode-steps.js';
import { assertFinite } from './assert-finite.js';
import { readProjection, type Projection } from './read-projection.js';
import { readStageCodebook } from './read-stage-codebook.js';
import { stageCount } from './stage-count.js';

/** Settings of a plain residual VQ (validated by the spec readers of `residual-vq` and `split-residual-vq`). */
export interface ResidualVqSettings {
  readonly numQuantizers: number;
  readonly codebookSize: number;
  /** Channels of the input vectors. */
  readonly dim: number;
  /** Channels the codebooks live in; differs from `dim` only with projections. */
  readonly codebookDim: number;
  /** Channels of the decoded vectors (`dim` unless the output projection says otherwise). */
  readonly outputDim: number;
  readonly metric: 'euclidean' | 'cosine';
  /** `F.normalize` eps applied to the residual under the cosine metric. */
  readonly cosineEps: number;
  /** Squared distances below this tie with it (lucidrains clamps at 1e-8); `-Infinity` for no clamp. */
  readonly minSquaredDistance: number;
  /** Whether input/output projections exist. */
  readonly projections: boolean;
  /** Whether the projections carry a bias. */
  readonly projectionBias: boolean;
}

/** Where a residual VQ's weights live (names relative to the weights object). */
export interface ResidualVqWeightNames {
  /** Prefix of the codebook names (`''`, `rvq_first.vq.`); see `readStageCodebook`. */
  readonly codebookPrefix: string;
  /** Candidate prefixes of the input projection, first present wins (`project_in`, `input_proj`). */
  readonly projectIn: readonly string[];
  /** Candidate prefixes of the output projection. */
  readonly projectOut: readonly string[];
}

/**
 * The layout-free residual VQ (EnCodec, lucidrains, one half of Mimi): optional `project_in`, then for
 * each stage the nearest codebook row to the residual (euclidean, or dot product with the
 * l2-normalised residual under `cosine`), `residual -= row`, `sum += row`, all in float32; the output
 * is `project_out(sum)`. Decoding sums the rows of the given stages and projects out.
 */
export function createResidualVqKernel(
  settings: ResidualVqSettings,
  weights: QuantizerWeights,
  names: ResidualVqWeightNames,
): VectorQuantizerKernel & Required<Pick<VectorQuantizerKernel, 'encodeSteps'>> {
  const { numQuantizers, codebookSize, dim, codebookDim, outputDim, metric } = settings;
  const codebooks: Float32Array[] = [];
  const lookups: NearestLookup[] = [];
  for (let q = 0; q < numQuantizers; q++) {
    const codebook = readStageCodebook(weights, names.codebookPrefix, q, numQuantizers, codebookSize, codebookDim);
    codebooks.push(codebook);
    lookups.push(
      metric === 'cosine'
        ? createNearestLookup({ rows: codebook, size: codebookSize, dim: codebookDim, metric: 'dot' })
        : createNearestLookup({ rows: codebook, size: codebookSize, dim: codebookDim, metric: 'l2', minDistance: settings.minSquaredDistance, squaredNorms: squaredNorms(codebook, codebookSize, codebookDim) }),
    );
  }
  const projectIn = settings.projections ? readFirstProjection(weights, names.projectIn, codebookDim, dim, settings.projectionBias) : undefined;
  const projectOut = settings.projections ? readFirstProjection(weights, names.projectOut, outputDim, codebookDim, settings.projectionBias) : undefined;

  function* encodeSteps(latents: Float32Array, count: number, options?: QuantizerEncodeOptions): EncodeSteps<CodeArray> {
    const stages = stageCount(options, numQuantizers);
    if (!Number.isSafeInteger(count) || count < 0 || latents.length !== count * dim) {
      throw new ShapeMismatchError({ argument: 'latents', expected: `${count} × ${dim} values`, received: latents.length });
    }
    assertFinite(latents);
    // The residual is updated in place, so never alias the caller's latents. A copy by `set`, not
    // `slice()`: in Node 20 slicing the bench’s 5 MB of latents took 8–16 ms, `set` well under 1.
    const residual = projectIn ? linear(latents, count, dim, projectIn.weight, codebookDim, projectIn.bias) : copyOf(latents);
    const normalized = metric === 'cosine' ? new Float32Array(residual.length) : undefined;
    const codes = new Int32Array(count * stages);
    for (let q = 0; q < stages; q++) {
      if (normalized !== undefined) l2Normalize(residual, count, codebookDim, settings.cosineEps, normalized);
      // The runner subtracts the chosen rows (the lookup's rows: the stored codebook under both
      // metrics) from the residual; after the last stage nothing reads it.
      yield nearestRequest(lookups[q]!, normalized ?? residual, count, codes, stages, q, q + 1 < stages ? residual : undefined);
    }
    return codes;
  }

  return {
    dim,
    outputDim,
    numCodebooks: numQuantizers,
    codebookSize,
    encodeSteps,
    encodeVectors: (latents: Float32Array, count: number, options?: QuantizerEncodeOptions): CodeArray => runEncodeSteps(encodeSteps(latents, count, options)),
    decodeVectors(codes: CodeArray, count: number, codesPerVector: number): Float32Array {
      const sum = new Float32Array(count * codebookDim);
      for (let q = 0; q < codesPerVector; q++) {
        const codebook = codebooks[q]!;
        for (let n = 0; n < count; n++) {
          const row = codes[n * codesPerVector + q]! * codebookDim;
          const base = n * codebookDim;
          for (let d = 0; d < codebookDim; d++) sum[base + d] = sum[base + d]! + codebook[row + d]!;
        }
      }
      return projectOut ? linear(sum, count, codebookDim, projectOut.weight, outputDim, projectOut.bias) : sum;
    },
  };
}

function readFirstProjection(weights: QuantizerWeights, prefixes: readonly string[], outDim: number, inDim: number, bias: boolean): Projection {
  const present = prefixes.find((prefix) => Object.keys(weights).some((name) => name.startsWith(`${prefix}.`)));
  return readProjection(weights, present ?? prefixes[0]!, outDim, inDim, bias);
}

/** A fresh copy of `values`. */
function copyOf(values: Float32Array): Float32Array {
  const copy = new Float32Array(values.length);
  copy.set(values);
  return copy;
}
