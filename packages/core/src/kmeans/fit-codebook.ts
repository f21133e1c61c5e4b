import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { QuantizerSpec } from '../quantizers/quantizer.js';
import { l2Normalize } from '../quantizers/math/l2-normalize.js';
import { createNearestCodeSearch } from '../quantizers/math/nearest-code-search.js';
import type { Tensor } from '../tensor/tensor.js';
import { readFitSettings, type FitCodebookOptions } from './fit-codebook-options.js';
import { kmeansPlusPlus } from './kmeans-plus-plus.js';
import { createSeededRandom } from '../random/seeded-random.js';
import { updateCentroids } from './update-centroids.js';

/** A fitted codebook, with what {@link createQuantizer} needs to use it right away. */
export interface FitCodebookResult {
  /** `codebookSize × dim` rows, row-major. */
  readonly codebook: Float32Array;
  readonly codebookSize: number;
  readonly dim: number;
  /** Sum of squared distances of the (normalised, for cosine) vectors to their rows. */
  readonly inertia: number;
  /** Vectors per row. */
  readonly usage: Int32Array;
  /** Lloyd iterations run. */
  readonly iterations: number;
  /** True when the fit stopped because it stopped improving (not at `maxIterations`). */
  readonly converged: boolean;
  /** A `'vq'` spec for this codebook (`createQuantizer(result.spec, result.weights)`). */
  readonly spec: QuantizerSpec;
  /** `{ codebook: [codebookSize, dim] }`. */
  readonly weights: { readonly codebook: Tensor<'float32'> };
}

/**
 * Fits a VQ codebook to `count` latent vectors (`dim` channels, row-major) with k-means:
 * seeded k-means++ initialisation, then Lloyd iterations (assign each vector to its nearest row
 * with the exact search the `'vq'` quantizer uses, move each row to the mean of its vectors,
 * re-seed empty rows with the farthest vectors) until no vector changes row, the inertia improves
 * by at most `tolerance` (relative), or `maxIterations` is reached.
 *
 * @example From latents to a quantizer in two lines
 * const { spec, weights } = fitCodebook(latents, count, 8, { codebookSize: 512, seed: 1 });
 * const vq = createQuantizer(spec, weights);
 *
 * @throws InvalidArgumentError for a bad option (named), ShapeMismatchError when `vectors.length ≠
 *   count·dim`, NonFiniteValueError for NaN/Infinity in `vectors`.
 */
export function fitCodebook(vectors: Float32Array, count: number, dim: number, options: FitCodebookOptions): FitCodebookResult {
  const settings = readFitSettings(vectors, count, dim, options);
  const { codebookSize, metric, maxIterations, tolerance, onProgress } = settings;
  const cosine = metric === 'cosine';
  // Spherical k-means works on directions, as the cosine quantizer compares them.
  const data = cosine ? l2Normalize(vectors, count, dim, 1e-12) : vectors;
  const candidates = seedCandidates(data, count, dim, cosine, codebookSize);
  const seeds = kmeansPlusPlus(candidates, candidates.length / dim, dim, codebookSize, createSeededRandom(settings.seed));
  const codebook = new Float32Array(codebookSize * dim);
  seeds.forEach((n, k) => codebook.set(candidates.subarray(n * dim, (n + 1) * dim), k * dim));

  const assignment = new Int32Array(count);
  const previous = new Int32Array(count);
  const distances = new Float64Array(count);
  const assign = (): number => {
    // A fresh search each time: the rows moved.
    createNearestCodeSearch({ rows: codebook, size: codebookSize, dim, metric: cosine ? 'dot' : 'l2' }).search(data, count, assignment);
    let inertia = 0;
    for (let n = 0; n < count; n++) {
      const row = assignment[n]! * dim;
      let distance = 0;
      for (let d = 0; d < dim; d++) {
        const diff = data[n * dim + d]! - codebook[row + d]!;
        distance += diff * diff;
      }
      distances[n] = distance;
      inertia += distance;
    }
    return inertia;
  };

  let inertia = assign();
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    updateCentroids(data, count, dim, assignment, distances, codebook, codebookSize, cosine);
    previous.set(assignment);
    const before = inertia;
    inertia = assign();
    iterations++;
    let changed = 0;
    for (let n = 0; n < count; n++) if (assignment[n] !== previous[n]) changed++;
    onProgress?.({ iteration: iterations, maxIterations, inertia, changed });
    if (changed === 0 || before - inertia <= tolerance * before) {
      converged = true;
      break;
    }
  }

  const usage = new Int32Array(codebookSize);
  for (let n = 0; n < count; n++) usage[assignment[n]!]!++;
  return {
    codebook,
    codebookSize,
    dim,
    inertia,
    usage,
    iterations,
    converged,
    spec: { type: 'vq', codebookSize, dim, metric },
    weights: { codebook: { type: 'float32', dims: [codebookSize, dim], data: codebook } },
  };
}

/** The vectors rows may be seeded from: all of them, or for cosine the non-zero ones (a row must be a direction). */
function seedCandidates(data: Float32Array, count: number, dim: number, cosine: boolean, codebookSize: number): Float32Array {
  if (!cosine) return data;
  const kept = new Float32Array(data.length);
  let size = 0;
  for (let n = 0; n < count; n++) {
    const vector = data.subarray(n * dim, (n + 1) * dim);
    if (vector.some((v) => v !== 0)) kept.set(vector, size++ * dim);
  }
  if (size < codebookSize) {
    throw new InvalidArgumentError({ argument: 'vectors', expected: `at least codebookSize (${codebookSize}) non-zero vectors for metric "cosine"`, received: `${size} non-zero vectors` });
  }
  return kept.subarray(0, size * dim);
}
