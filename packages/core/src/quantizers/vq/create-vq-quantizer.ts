import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { WeightsMismatchError } from '../../errors/weights-mismatch-error.js';
import { createLayoutQuantizer } from '../layout/create-layout-quantizer.js';
import type { Quantizer, QuantizerOptions, QuantizerSpec, QuantizerWeights } from '../quantizer.js';
import { readWeight } from '../spec/read-weight.js';
import { assertFiniteWeight } from './assert-finite-weight.js';
import { createVqKernel } from './create-vq-kernel.js';
import { readVqProjection } from './vq-projection.js';
import { readVqSettings } from './vq-settings.js';

/**
 * Weight names tried, in order, for the codebook when the spec has no `codebookWeight`:
 * jointok's own, LlamaGen's `nn.Embedding`, lucidrains' codebook buffer (`[1, K, D]`).
 */
export const vqCodebookWeightNames: readonly string[] = ['codebook', 'embedding.weight', '_codebook.embed'];

/**
 * Plain vector quantization (`type: 'vq'`): each latent vector becomes the index of its nearest
 * codebook row (first index on exact ties, as `torch.argmin`/`argmax`).
 *
 * Spec fields (besides the layout fields `channelAxis`, `decodeChannelAxis`, `indexLayout`, `keepStreamAxis`):
 * - `codebookSize` (required): rows K of the codebook; codes are in `[0, K)`.
 * - `dim` (required): channels of a latent vector.
 * - `codebookDim` (default `dim`): channels of a codebook row; when it differs from `dim`, the
 *   latent goes through `project_in` before the lookup and the row through `project_out` after it.
 * - `projection` (default `codebookDim !== dim`): force the projections on when the widths are equal.
 * - `metric` (default `'euclidean'`):
 *   `'euclidean'` smallest `‖x‖² + ‖e‖² − 2x·e` against the stored rows;
 *   `'cosine'` largest `x̂·e` with `x̂ = x / max(‖x‖, normalizeEps)` and the stored rows **not**
 *   re-normalised (lucidrains `use_cosine_sim`, whose rows are kept unit-norm);
 *   `'l2-normalized'` smallest squared distance between `x̂` and `ê`, both normalised (LlamaGen `l2_norm`).
 * - `returnRow` (default `'normalized'` for `'l2-normalized'`, else `'stored'`): the row `decode`
 *   returns. LlamaGen returns the normalised row; DAC-style models look up normalised vectors but
 *   return the stored row (`'stored'`).
 * - `normalizeEps` (default `1e-12`, `F.normalize`'s default; lucidrains VQ uses `1e-6`).
 * - `minDistance` (default none): squared distances below it count as equal to it, so all rows that
 *   close tie and the first wins (lucidrains clamps at `1e-8`). Not allowed with `'cosine'`.
 * - `codebookWeight` (default: the first of {@link vqCodebookWeightNames} present): the weight name
 *   of the `[K, codebookDim]` codebook (a `[1, K, codebookDim]` tensor is accepted too).
 *
 * Weights: the codebook; with projections `project_in.weight` `[codebookDim, dim]`,
 * `project_out.weight` `[dim, codebookDim]` and the optional biases `project_in.bias`, `project_out.bias`.
 *
 * @example LlamaGen (`l2_norm=True`): channel-first feature maps, flat `[B·H·W]` codes
 * createQuantizer({ type: 'vq', codebookSize: 16384, dim: 8, metric: 'l2-normalized',
 *   channelAxis: 'first', indexLayout: 'flat' }, { 'embedding.weight': embedding });
 */
export function createVqQuantizer(spec: QuantizerSpec, weights: QuantizerWeights, options: QuantizerOptions = {}): Quantizer {
  const settings = readVqSettings(spec);
  const name = readCodebookWeightName(spec, weights);
  const codebook = readWeight(weights, name, [settings.codebookSize, settings.codebookDim]);
  assertFiniteWeight(codebook, name);
  const projection = settings.projection ? readVqProjection(weights, settings.dim, settings.codebookDim) : undefined;
  return createLayoutQuantizer(spec, createVqKernel(settings, [codebook], projection), options);
}

function readCodebookWeightName(spec: QuantizerSpec, weights: QuantizerWeights): string {
  const field = spec['codebookWeight'];
  if (field !== undefined && field !== null) {
    if (typeof field !== 'string' || field.length === 0) throw new InvalidSpecError({ path: 'codebookWeight', expected: 'a weight name', received: field });
    return field;
  }
  const present = vqCodebookWeightNames.find((name) => weights?.[name] !== undefined);
  if (present === undefined) {
    throw new WeightsMismatchError({ weight: 'codebook', expected: `one of ${vqCodebookWeightNames.join(', ')} (or the spec's codebookWeight)`, received: 'nothing (missing)' });
  }
  return present;
}
