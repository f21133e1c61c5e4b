import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { createLayoutQuantizer } from '../layout/create-layout-quantizer.js';
import type { Quantizer, QuantizerOptions, QuantizerSpec, QuantizerWeights } from '../quantizer.js';
import { readWeight } from '../spec/read-weight.js';
import { readInteger, MAX_QUANTIZER_STAGES } from '../spec/spec-fields.js';
import { assertFiniteWeight } from './assert-finite-weight.js';
import { createVqKernel } from './create-vq-kernel.js';
import { readVqProjection } from './vq-projection.js';
import { readVqSettings } from './vq-settings.js';

/**
 * Grouped (product) vector quantization (`type: 'grouped-vq'`): the latent's `codebookDim`
 * channels are split into `groups` consecutive groups of `codebookDim / groups` channels; group g
 * is quantized with its own codebook, and a vector gets one code per group (group 0 first), laid
 * out as streams (`[..., groups]` with the default `indexLayout`). Decoding puts the groups'
 * rows side by side.
 *
 * Spec fields: `groups` (required, ≥ 1, dividing `codebookDim`), plus every field of `'vq'`
 * (`codebookSize` per group, `dim`, `codebookDim`, `projection`, `metric`, `returnRow`,
 * `normalizeEps`, `minDistance`, and the layout fields); the metric applies within each group
 * (`'cosine'` normalises each group's slice).
 *
 * Weights: either one tensor `codebooks` `[groups, codebookSize, codebookDim / groups]`, or one
 * `codebooks.<g>` `[codebookSize, codebookDim / groups]` per group; projections as for `'vq'`.
 *
 * @example Two groups of 4 channels, 256 codes each
 * createQuantizer({ type: 'grouped-vq', groups: 2, codebookSize: 256, dim: 8 }, { codebooks });
 */
export function createGroupedVqQuantizer(spec: QuantizerSpec, weights: QuantizerWeights, options: QuantizerOptions = {}): Quantizer {
  const settings = readVqSettings(spec);
  const groups = readInteger(spec, 'groups', { min: 1, max: MAX_QUANTIZER_STAGES });
  if (settings.codebookDim % groups !== 0) {
    throw new InvalidSpecError({ path: 'groups', expected: `a divisor of codebookDim (${settings.codebookDim})`, received: groups });
  }
  const groupDim = settings.codebookDim / groups;
  const rowsPerGroup = settings.codebookSize * groupDim;
  let codebooks: Float32Array[];
  if (weights?.['codebooks'] !== undefined) {
    const all = readWeight(weights, 'codebooks', [groups, settings.codebookSize, groupDim]);
    assertFiniteWeight(all, 'codebooks');
    codebooks = Array.from({ length: groups }, (_, g) => all.subarray(g * rowsPerGroup, (g + 1) * rowsPerGroup));
  } else {
    codebooks = Array.from({ length: groups }, (_, g) => {
      const name = `codebooks.${g}`;
      const codebook = readWeight(weights, name, [settings.codebookSize, groupDim]);
      assertFiniteWeight(codebook, name);
      return codebook;
    });
  }
  const projection = settings.projection ? readVqProjection(weights, settings.dim, settings.codebookDim) : undefined;
  return createLayoutQuantizer(spec, createVqKernel(settings, codebooks, projection), options);
}
