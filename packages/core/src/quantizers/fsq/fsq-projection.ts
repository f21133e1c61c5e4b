import { linear } from '../math/linear.js';
import { readWeight } from '../spec/read-weight.js';
import type { QuantizerWeights } from '../quantizer.js';

/**
 * The lucidrains/Cosmos projections around an FSQ grid: `project_in` (`nn.Linear(dim, codeDim)`)
 * and `project_out` (`nn.Linear(codeDim, dim)`), used when `dim` differs from the code width.
 */
export interface FsqProjection {
  readonly dim: number;
  readonly codeDim: number;
  /** `count × dim` latents → `count × codeDim`. */
  projectIn(latents: Float32Array, count: number): Float32Array;
  /** `count × codeDim` codes → `count × dim`. */
  projectOut(codes: Float32Array, count: number): Float32Array;
}

/**
 * Reads `project_in.weight [codeDim, dim]`, `project_out.weight [dim, codeDim]` and, with `bias`,
 * `project_in.bias [codeDim]` and `project_out.bias [dim]` from the weights.
 *
 * @throws WeightsMismatchError when a weight is missing or has another shape
 */
export function readFsqProjection(weights: QuantizerWeights, dim: number, codeDim: number, bias: boolean): FsqProjection {
  const inWeight = readWeight(weights, 'project_in.weight', [codeDim, dim]);
  const outWeight = readWeight(weights, 'project_out.weight', [dim, codeDim]);
  const inBias = bias ? readWeight(weights, 'project_in.bias', [codeDim]) : undefined;
  const outBias = bias ? readWeight(weights, 'project_out.bias', [dim]) : undefined;
  return {
    dim,
    codeDim,
    projectIn: (latents, count) => linear(latents, count, dim, inWeight, codeDim, inBias),
    projectOut: (codes, count) => linear(codes, count, codeDim, outWeight, dim, outBias),
  };
}
