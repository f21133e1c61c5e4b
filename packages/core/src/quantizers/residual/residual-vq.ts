import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { createLayoutQuantizer } from '../layout/create-layout-quantizer.js';
import type { Quantizer, QuantizerOptions, QuantizerSpec, QuantizerWeights } from '../quantizer.js';
import { readBoolean, readEnum, readInteger, readNumber, MAX_QUANTIZER_STAGES, MAX_VECTOR_DIM } from '../spec/spec-fields.js';
import { createResidualVqKernel, type ResidualVqSettings } from './residual-vq-kernel.js';
import { readWeightPrefix } from './read-weight-prefix.js';

/**
 * Builds a `residual-vq` quantizer: residual vector quantization as in EnCodec
 * (`ResidualVectorQuantization`) and lucidrains (`ResidualVQ`). Stage q quantizes what the stages
 * before it left over, `residual -= e_q[code_q]`; decoding sums the chosen rows. Both references are
 * the same algorithm and differ only in the fields below.
 *
 * Spec fields:
 * - `numQuantizers` (required, ≥ 1): residual stages Q (`num_quantizers`). `encode(x, { numQuantizers })`
 *   uses the first n stages (EnCodec `n_q`); `decode` accepts codes of the first k ≤ Q stages.
 * - `codebookSize` (required, ≥ 1): rows K per stage codebook.
 * - `dim` (required, ≥ 1): channels of the input latent.
 * - `codebookDim` (default `dim`): channels of the codebooks. When it differs from `dim` (or with
 *   `projections: true`), the input passes `project_in` (`[codebookDim, dim]`) and the summed rows
 *   `project_out` (`[outputDim, codebookDim]`), lucidrains-style.
 * - `projections` (default `codebookDim !== dim`): force the projections even when the dims agree.
 * - `projectionBias` (default true): the projections are `nn.Linear` with bias; false for bias-free convs.
 * - `outputDim` (default `dim`): channels of the decoded output (needs projections when ≠ `codebookDim`).
 * - `metric` (default `'euclidean'`): `'euclidean'` picks the row nearest to the residual;
 *   `'cosine'` picks the row with the largest dot product with `F.normalize(residual, eps=cosineEps)`,
 *   against the stored rows as they are (lucidrains keeps cosine codebooks unit-norm), and still
 *   subtracts the raw row from the unnormalised residual.
 * - `cosineEps` (default 1e-6, lucidrains' `l2norm`): the normalisation eps of the cosine metric.
 * - `minSquaredDistance` (default: none): squared distances below it count as equal to it, so the first
 *   such row wins; lucidrains' `cdist` clamps at 1e-8, EnCodec does not clamp.
 * - `weightPrefix` (default `''`): put before every weight name (EnCodec's model state dict: `quantizer.vq.`).
 * - Layout fields (`channelAxis`, `decodeChannelAxis`, `indexLayout`, `keepStreamAxis`): EnCodec is
 *   `channelAxis: 'first'`, `indexLayout: 'streams-first'` (`[Q, B, T]`); lucidrains is the default
 *   channel-last `[B, N, D]` with `tokens-streams` (`[B, N, Q]`). `keepStreamAxis` defaults to true
 *   here, so a single stage still returns its Q axis, as both references do.
 *
 * Weights (every stage's codebook, in one of these forms; see `readStageCodebook`):
 * - `codebooks` `[Q, K, codebookDim]` (one tensor), or per stage `layers.<q>.codebook` `[K, codebookDim]`;
 * - aliases: `layers.<q>._codebook.embed` (EnCodec `[K, D]`, lucidrains `[1, K, D]`) and Moshi's
 *   `layers.<q>._codebook.embedding_sum` + `layers.<q>._codebook.cluster_usage`;
 * - with projections: `project_in.weight` `[codebookDim, dim]`, `project_in.bias`, `project_out.weight`
 *   `[outputDim, codebookDim]`, `project_out.bias` (aliases `input_proj.*` / `output_proj.*`; weight-normed
 *   `*.weight_v` + `*.weight_g` are folded).
 *
 * @example
 * // EnCodec: indices [n_q, B, T]
 * createQuantizer({ type: 'residual-vq', numQuantizers: 8, codebookSize: 1024, dim: 128,
 *   channelAxis: 'first', indexLayout: 'streams-first' }, { codebooks });
 *
 * @throws InvalidSpecError naming the bad field; WeightsMismatchError naming the bad weight
 */
export function createResidualVqQuantizer(spec: QuantizerSpec, weights: QuantizerWeights, options: QuantizerOptions = {}): Quantizer {
  const settings = readResidualVqSettings(spec);
  const prefix = readWeightPrefix(spec);
  const kernel = createResidualVqKernel(settings, weights, {
    codebookPrefix: prefix,
    projectIn: [`${prefix}project_in`, `${prefix}input_proj`],
    projectOut: [`${prefix}project_out`, `${prefix}output_proj`],
  });
  return createLayoutQuantizer({ ...spec, keepStreamAxis: spec.keepStreamAxis ?? true }, kernel, options);
}

/** Reads and validates the `residual-vq` spec fields (see {@link createResidualVqQuantizer}). */
export function readResidualVqSettings(spec: QuantizerSpec): ResidualVqSettings {
  const numQuantizers = readInteger(spec, 'numQuantizers', { min: 1, max: MAX_QUANTIZER_STAGES });
  const codebookSize = readInteger(spec, 'codebookSize', { min: 1, max: 2 ** 31 });
  const dim = readInteger(spec, 'dim', { min: 1, max: MAX_VECTOR_DIM });
  const codebookDim = readInteger(spec, 'codebookDim', { min: 1, max: MAX_VECTOR_DIM, default: dim });
  const projections = readBoolean(spec, 'projections', codebookDim !== dim);
  if (!projections && codebookDim !== dim) {
    throw new InvalidSpecError({ path: 'projections', expected: `true (codebookDim ${codebookDim} differs from dim ${dim})`, received: spec['projections'] });
  }
  const outputDim = readInteger(spec, 'outputDim', { min: 1, max: MAX_VECTOR_DIM, default: dim });
  if (!projections && outputDim !== codebookDim) {
    throw new InvalidSpecError({ path: 'outputDim', expected: `${codebookDim} (without projections the output has the codebook's channels)`, received: outputDim });
  }
  const minSquaredDistance = spec['minSquaredDistance'] === undefined ? -Infinity : readNumber(spec, 'minSquaredDistance', { min: 0 });
  return {
    numQuantizers,
    codebookSize,
    dim,
    codebookDim,
    outputDim,
    metric: readEnum(spec, 'metric', ['euclidean', 'cosine'], 'euclidean'),
    cosineEps: readNumber(spec, 'cosineEps', { min: 0, default: 1e-6 }),
    minSquaredDistance,
    projections,
    projectionBias: readBoolean(spec, 'projectionBias', true),
  };
}
