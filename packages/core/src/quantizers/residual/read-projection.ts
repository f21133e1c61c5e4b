import { WeightsMismatchError } from '../../errors/weights-mismatch-error.js';
import type { QuantizerWeights } from '../quantizer.js';
import { readWeight } from '../spec/read-weight.js';
import { foldWeightNorm } from './fold-weight-norm.js';

/** A projection `y = x Wᵀ + b` ready to run: `weight` `[outDim, inDim]`, `bias` `[outDim]` or absent. */
export interface Projection {
  readonly weight: Float32Array;
  readonly bias: Float32Array | undefined;
  readonly inDim: number;
  readonly outDim: number;
}

/**
 * Reads a linear or 1×1-conv projection stored under `prefix` (`project_in`, `quantizers.0.in_proj`),
 * in the first form present:
 * - weight norm, old API: `<prefix>.weight_v` `[out, in(, 1)]` and `<prefix>.weight_g` `[out(, 1, 1)]`;
 * - weight norm, parametrizations API: `<prefix>.parametrizations.weight.original1` (v) and `.original0` (g);
 * - a plain (already folded) `<prefix>.weight` `[out, in(, 1)]`.
 * Weight norm is folded exactly as torch does (see {@link foldWeightNorm}). With `bias`, `<prefix>.bias`
 * `[out]` is required; without, it is not read (Moshi's projections have none).
 *
 * @throws WeightsMismatchError when no form is present or a shape is wrong
 */
export function readProjection(weights: QuantizerWeights, prefix: string, outDim: number, inDim: number, bias: boolean): Projection {
  const forms: Array<[v: string, g: string]> = [
    [`${prefix}.weight_v`, `${prefix}.weight_g`],
    [`${prefix}.parametrizations.weight.original1`, `${prefix}.parametrizations.weight.original0`],
  ];
  let weight: Float32Array | undefined;
  for (const [vName, gName] of forms) {
    if (weights[vName] === undefined && weights[gName] === undefined) continue;
    const v = readWeight(weights, vName, [outDim, inDim]);
    const g = readWeight(weights, gName, [outDim]);
    weight = foldWeightNorm(v, g, outDim, inDim);
    break;
  }
  if (weight === undefined) {
    if (weights[`${prefix}.weight`] === undefined) {
      throw new WeightsMismatchError({
        weight: `${prefix}.weight`,
        expected: `float32 [${outDim}, ${inDim}] (or ${prefix}.weight_v + ${prefix}.weight_g)`,
        received: 'nothing (missing)',
      });
    }
    weight = readWeight(weights, `${prefix}.weight`, [outDim, inDim]);
  }
  return { weight, bias: bias ? readWeight(weights, `${prefix}.bias`, [outDim]) : undefined, inDim, outDim };
}
