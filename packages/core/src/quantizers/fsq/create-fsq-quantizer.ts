import { createLayoutQuantizer } from '../layout/create-layout-quantizer.js';
import type { CodeArray, Quantizer, QuantizerSpec, QuantizerWeights, VectorQuantizerKernel } from '../quantizer.js';
import { roundArrayToBfloat16 } from './bfloat16.js';
import { assertCodeVectors, assertLatentShape, assertLatentVectors, firstNonFinite, nonFiniteLatent } from './check-vectors.js';
import { createFsqGrid, fsqCodes } from './fsq-grid.js';
import { readFsqProjection } from './fsq-projection.js';
import { readFsqSettings } from './read-fsq-spec.js';

/**
 * Builds a finite scalar quantizer (FSQ, Mentzer et al. 2023) from an `fsq` spec, bit-exact with
 * lucidrains `FSQ` (vector-quantize-pytorch 1.31), Cosmos `FSQuantizer` and the paper's code.
 *
 * Each channel d is bounded, rounded half to even to one of `L_d` levels, and the levels form a
 * mixed-radix index `Σ level_d · basis_d` with `basis = cumprod([1, L_0, L_1, …])`: channel 0 is
 * the least significant digit. Decoding returns the codes `(level − ⌊L/2⌋) / ⌊L/2⌋` in [−1, 1]
 * (or `2·level/(L−1) − 1` with `preserveSymmetry`), projected back when `dim` needs it.
 *
 * Spec fields:
 * - `levels` (required): levels per channel, integers in [2, 65536]; e.g. `[8, 8, 8, 5, 5, 5]`.
 * - `numCodebooks` (default 1): the latent is split as `(c d)` into this many groups of
 *   `levels.length` channels, each coded separately (lucidrains `num_codebooks`).
 * - `dim` (default `levels.length · numCodebooks`): latent channels. When it differs, the weights
 *   `project_in.weight [levels·c, dim]`, `project_in.bias`, `project_out.weight [dim, levels·c]` and
 *   `project_out.bias` are required (lucidrains/Cosmos names; `nn.Linear` layout).
 * - `projectionBias` (default true): whether the projections have biases (lucidrains `projection_has_bias`).
 * - `bound` (default `'tanh'`): `'tanh'` is lucidrains/Cosmos (`half_l = (L−1)(1+eps)/2`,
 *   `shift = atanh(offset/half_l)`), `'tan'` the FSQ paper's published code (`half_l = (L−1)(1−eps)/2`,
 *   `shift = tan(offset/half_l)`), `'hard-clamp'` lucidrains `bound_hard_clamp` (clamp to [−1, 1], no atanh).
 * - `preserveSymmetry` (default false): lucidrains `preserve_symmetry`, the floor-based symmetric
 *   quantizer `floor((L−1)(tanh(z)+1)/2 + 0.5)`; with `bound: 'hard-clamp'` it clamps instead of tanh.
 * - `eps` (default 1e-3): the bound's margin, in [0, 0.5].
 * - `outputDtype` (default `'float32'`): `'bfloat16'` rounds decoded values to bfloat16 (ties to even),
 *   as Cosmos does by default.
 * - Layout fields (`channelAxis`, `decodeChannelAxis`, `indexLayout`, `keepStreamAxis`): see
 *   `QuantizerLayoutSpec`. lucidrains: `channelAxis: 'first'` for 4-D/5-D inputs (or `channel_first`),
 *   codes `[B, ...]` plus a trailing `[c]` axis when `numCodebooks > 1` (`tokens-streams`).
 *
 * Codes lie in `[0, Π L_d)`, `numCodebooks` per token.
 *
 * @example
 * const fsq = createFsqQuantizer({ type: 'fsq', levels: [8, 5, 5, 5], channelAxis: 'first' });
 *
 * @throws InvalidSpecError for a malformed field (named in the error)
 * @throws WeightsMismatchError when a projection weight is missing or has another shape
 */
export function createFsqQuantizer(spec: QuantizerSpec, weights: QuantizerWeights = {}): Quantizer {
  const settings = readFsqSettings(spec);
  const { levels, numCodebooks, dim, outputDtype } = settings;
  const grid = createFsqGrid(settings);
  const groupDim = levels.length;
  const codeDim = groupDim * numCodebooks;
  const projection = dim === codeDim ? undefined : readFsqProjection(weights, dim, codeDim, settings.projectionBias);
  const wide = grid.codebookSize > 2 ** 31;

  const kernel: VectorQuantizerKernel = {
    dim,
    outputDim: dim,
    numCodebooks,
    codebookSize: grid.codebookSize,
    encodeVectors(latents: Float32Array, count: number): CodeArray {
      if (projection === undefined) {
        // The NaN/±Infinity check runs inside the encoding pass; the bad value is located only on failure.
        assertLatentShape(latents, count, dim);
        const codes = wide ? new Float64Array(count * numCodebooks) : new Int32Array(count * numCodebooks);
        if (!grid.encodeIndices(latents, codes.length, codes)) throw nonFiniteLatent(latents, firstNonFinite(latents));
        return codes;
      }
      // A projection may overflow finite latents to ±Infinity: only the latents themselves must be finite.
      assertLatentVectors(latents, count, dim);
      const codes = wide ? new Float64Array(count * numCodebooks) : new Int32Array(count * numCodebooks);
      grid.encodeIndices(projection.projectIn(latents, count), codes.length, codes);
      return codes;
    },
    decodeVectors(codes: CodeArray, count: number, codesPerVector: number): Float32Array {
      assertCodeVectors(codes, count, codesPerVector, numCodebooks, numCodebooks, grid.codebookSize);
      const values = new Float32Array(count * codeDim);
      for (let i = 0; i < codes.length; i++) fsqCodes(grid, codes[i]!, values, i * groupDim);
      const out = projection === undefined ? values : projection.projectOut(values, count);
      return outputDtype === 'bfloat16' ? roundArrayToBfloat16(out) : out;
    },
  };
  return createLayoutQuantizer(spec, kernel);
}
