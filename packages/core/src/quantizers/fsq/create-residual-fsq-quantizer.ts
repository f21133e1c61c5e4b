import { createLayoutQuantizer } from '../layout/create-layout-quantizer.js';
import type { Quantizer, QuantizerSpec, QuantizerWeights } from '../quantizer.js';
import { createCosmosResidualFsqKernel } from './cosmos-residual-fsq.js';
import { createLucidrainsResidualFsqKernel } from './lucidrains-residual-fsq.js';
import { readResidualFsqSettings } from './read-residual-fsq-spec.js';

/**
 * Builds a residual FSQ quantizer from a `residual-fsq` spec: `numQuantizers` FSQ stages, each
 * coding what the previous ones left. The two published algorithms differ and are both exact:
 *
 * - `variant: 'lucidrains'` (default) — lucidrains `ResidualFSQ` (vector-quantize-pytorch 1.31):
 *   optional `project_in`, soft clamp `tanh(x/c)·c` with `c = 1 + 1/(L−1)`, stage q quantizes
 *   `residual · L^q` with the symmetric floor quantizer (codes `2·level/(L−1) − 1`, scaled by
 *   `L^−q`), float32 throughout; decode sums the scaled codes and applies `project_out`.
 * - `variant: 'cosmos'` — Cosmos `ResidualFSQuantizer`: the plain tanh-bound FSQ on the unscaled
 *   residual at every stage, stage outputs in bfloat16 and summed in bfloat16.
 *
 * Spec fields:
 * - `levels` (required): levels per channel, integers in [2, 65536]. Stage codes lie in `[0, Π L)`,
 *   channel 0 the least significant mixed-radix digit.
 * - `numQuantizers` (required): stages, ≥ 1. `encode(x, { numQuantizers: k })` uses the first k;
 *   `decode` accepts codes of 1 … numQuantizers stages.
 * - `variant` (default `'lucidrains'`).
 * - `dim` (lucidrains; default `levels.length`): latent channels. When it differs, the weights
 *   `project_in.weight [levels, dim]`, `project_in.bias [levels]`, `project_out.weight [dim, levels]`,
 *   `project_out.bias [dim]` are required. Cosmos has no projections.
 * - `bound` (lucidrains; default `'hard-clamp'`): the stages clamp to [−1, 1] (`bound_hard_clamp=True`)
 *   or use tanh (`'tanh'`).
 * - `softClampInputValue` (lucidrains, `bound: 'tanh'` only): a number or one per channel; the input
 *   is soft-clamped with it (none when absent). With the hard clamp it is always `1 + 1/(L−1)`.
 * - `outputDtype` (cosmos; default `'bfloat16'`): `'float32'` skips the stages' bfloat16 casts.
 * - Layout fields (see `QuantizerLayoutSpec`). Defaults: lucidrains `tokens-streams` with the stage
 *   axis always kept (`[B, N, Q]`); cosmos `streams-after-batch` (`[B, Q, ...]`). lucidrains with
 *   `is_channel_first` is `channelAxis: 'first'`, `indexLayout: 'streams-after-batch'`,
 *   `decodeChannelAxis: 'last'`.
 *
 * @example
 * const rfsq = createResidualFsqQuantizer({ type: 'residual-fsq', levels: [8, 5, 5, 5], numQuantizers: 4 });
 *
 * @throws InvalidSpecError for a malformed field (named in the error)
 * @throws WeightsMismatchError when a projection weight is missing or has another shape
 */
export function createResidualFsqQuantizer(spec: QuantizerSpec, weights: QuantizerWeights = {}): Quantizer {
  const settings = readResidualFsqSettings(spec);
  const kernel = settings.variant === 'cosmos' ? createCosmosResidualFsqKernel(settings) : createLucidrainsResidualFsqKernel(settings, weights);
  // Keep the stage axis by default: encoding with numQuantizers: 1 must not change the code tensor's rank.
  const layoutSpec: QuantizerSpec = {
    ...spec,
    indexLayout: spec.indexLayout ?? (settings.variant === 'cosmos' ? 'streams-after-batch' : 'tokens-streams'),
    keepStreamAxis: spec.keepStreamAxis ?? true,
  };
  return createLayoutQuantizer(layoutSpec, kernel);
}
