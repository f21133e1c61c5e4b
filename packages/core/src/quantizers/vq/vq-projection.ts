import type { QuantizerWeights } from '../quantizer.js';
import { readOptionalWeight, readWeight } from '../spec/read-weight.js';
import { assertFiniteWeight } from './assert-finite-weight.js';

/** `nn.Linear` layers around the codebook lookup: `dim → codebookDim` in, `codebookDim → dim` out. */
export interface VqProjection {
  readonly inWeight: Float32Array;
  readonly inBias: Float32Array | undefined;
  readonly outWeight: Float32Array;
  readonly outBias: Float32Array | undefined;
}

/**
 * Reads `project_in.weight` `[codebookDim, dim]`, `project_out.weight` `[dim, codebookDim]` and
 * their optional biases (lucidrains' names; W is `[out, in]` as in `nn.Linear`).
 */
export function readVqProjection(weights: QuantizerWeights, dim: number, codebookDim: number): VqProjection {
  const read = (name: string, shape: number[], optional: boolean): Float32Array | undefined => {
    const value = optional ? readOptionalWeight(weights, name, shape) : readWeight(weights, name, shape);
    if (value !== undefined) assertFiniteWeight(value, name);
    return value;
  };
  return {
    inWeight: read('project_in.weight', [codebookDim, dim], false)!,
    inBias: read('project_in.bias', [codebookDim], true),
    outWeight: read('project_out.weight', [dim, codebookDim], false)!,
    outBias: read('project_out.bias', [dim], true),
  };
}
