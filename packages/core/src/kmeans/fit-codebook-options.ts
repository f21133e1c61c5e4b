import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { NonFiniteValueError } from '../errors/non-finite-value-error.js';
import { ShapeMismatchError } from '../errors/shape-mismatch-error.js';

/** Progress of {@link fitCodebook}, reported after each Lloyd iteration. */
export interface FitCodebookProgress {
  /** 1-based iteration just finished. */
  readonly iteration: number;
  readonly maxIterations: number;
  /** Sum of squared distances of the vectors to their rows after this iteration. */
  readonly inertia: number;
  /** Vectors whose row changed in this iteration. */
  readonly changed: number;
}

/** Settings of {@link fitCodebook}. */
export interface FitCodebookOptions {
  /** Rows K of the codebook; at most the number of vectors. */
  readonly codebookSize: number;
  /**
   * `'euclidean'` (default): plain k-means. `'cosine'`: spherical k-means, vectors and rows
   * l2-normalised (eps 1e-12), rows assigned by the largest dot product; the rows are unit-norm.
   */
  readonly metric?: 'euclidean' | 'cosine';
  /** Seed of the k-means++ draws, an integer in [0, 2^32); default 0. Same seed, same codebook. */
  readonly seed?: number;
  /** Lloyd iterations at most; default 50 (0 returns the k-means++ seeds). */
  readonly maxIterations?: number;
  /** Stop when an iteration lowers the inertia by at most this fraction; default 1e-6. */
  readonly tolerance?: number;
  /** Called after every iteration. */
  readonly onProgress?: (progress: FitCodebookProgress) => void;
}

/** {@link FitCodebookOptions} with defaults filled in. */
export interface FitSettings {
  readonly codebookSize: number;
  readonly metric: 'euclidean' | 'cosine';
  readonly seed: number;
  readonly maxIterations: number;
  readonly tolerance: number;
  readonly onProgress: ((progress: FitCodebookProgress) => void) | undefined;
}

/** Checks the inputs of {@link fitCodebook}; every bad one throws a typed error naming it. */
export function readFitSettings(vectors: Float32Array, count: number, dim: number, options: FitCodebookOptions): FitSettings {
  if (!(vectors instanceof Float32Array)) throw new InvalidArgumentError({ argument: 'vectors', expected: 'a Float32Array', received: vectors });
  if (!Number.isSafeInteger(count) || count < 1) throw new InvalidArgumentError({ argument: 'count', expected: 'an integer ≥ 1', received: count });
  if (!Number.isSafeInteger(dim) || dim < 1) throw new InvalidArgumentError({ argument: 'dim', expected: 'an integer ≥ 1', received: dim });
  if (vectors.length !== count * dim) {
    throw new ShapeMismatchError({ argument: 'vectors', expected: `count × dim = ${count * dim} values`, received: vectors.length });
  }
  for (let i = 0; i < vectors.length; i++) {
    if (vectors[i]! - vectors[i]! !== 0) throw new NonFiniteValueError({ argument: 'vectors', index: i, value: vectors[i]! });
  }
  if (options === null || typeof options !== 'object') throw new InvalidArgumentError({ argument: 'options', expected: 'an object with codebookSize', received: options });
  const { codebookSize, metric = 'euclidean', seed = 0, maxIterations = 50, tolerance = 1e-6, onProgress } = options;
  if (!Number.isSafeInteger(codebookSize) || codebookSize < 1 || codebookSize > count) {
    throw new InvalidArgumentError({ argument: 'options.codebookSize', expected: `an integer in [1, ${count}] (at most one row per vector)`, received: codebookSize });
  }
  if (metric !== 'euclidean' && metric !== 'cosine') throw new InvalidArgumentError({ argument: 'options.metric', expected: '"euclidean" or "cosine"', received: metric });
  if (!Number.isSafeInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new InvalidArgumentError({ argument: 'options.seed', expected: 'an integer in [0, 2^32)', received: seed });
  if (!Number.isSafeInteger(maxIterations) || maxIterations < 0) throw new InvalidArgumentError({ argument: 'options.maxIterations', expected: 'an integer ≥ 0', received: maxIterations });
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new InvalidArgumentError({ argument: 'options.tolerance', expected: 'a finite number ≥ 0', received: tolerance });
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new InvalidArgumentError({ argument: 'options.onProgress', expected: 'a function', received: onProgress });
  return { codebookSize, metric, seed, maxIterations, tolerance, onProgress };
}
