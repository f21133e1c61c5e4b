import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import type { QuantizerSpec } from '../quantizer.js';
import { readBoolean, readEnum, readInteger, readNumber, MAX_VECTOR_DIM } from '../spec/spec-fields.js';

/** How latents are compared with codebook rows. */
export type VqMetric =
  /** Smallest squared euclidean distance to the stored row (lucidrains, LlamaGen without l2, EnCodec). */
  | 'euclidean'
  /** Largest dot product of the l2-normalised latent with the stored row, which is not re-normalised (lucidrains `use_cosine_sim`). */
  | 'cosine'
  /** Smallest squared distance after normalising both the latent and the rows (LlamaGen `l2_norm`, DAC). */
  | 'l2-normalized';

/** Which row `decode` returns for a code. */
export type VqReturnRow =
  /** The codebook row as stored in the weights (lucidrains, DAC). */
  | 'stored'
  /** The l2-normalised row (LlamaGen with `l2_norm`). */
  | 'normalized';

/** The settings shared by the plain and the grouped VQ, read and checked from a spec. */
export interface VqSettings {
  readonly codebookSize: number;
  readonly dim: number;
  readonly codebookDim: number;
  readonly projection: boolean;
  readonly metric: VqMetric;
  readonly returnRow: VqReturnRow;
  readonly normalizeEps: number;
  /** Squared distances below this tie (lucidrains: 1e-8); -Infinity when absent. */
  readonly minDistance: number;
}

/** Reads the fields every VQ spec shares; see `createVqQuantizer` for their meaning. */
export function readVqSettings(spec: QuantizerSpec): VqSettings {
  const codebookSize = readInteger(spec, 'codebookSize', { min: 1, max: 2 ** 31 - 1 });
  const dim = readInteger(spec, 'dim', { min: 1, max: MAX_VECTOR_DIM });
  const codebookDim = readInteger(spec, 'codebookDim', { min: 1, max: MAX_VECTOR_DIM, default: dim });
  const projection = readBoolean(spec, 'projection', codebookDim !== dim);
  if (!projection && codebookDim !== dim) {
    throw new InvalidSpecError({ path: 'projection', expected: `true when codebookDim (${codebookDim}) differs from dim (${dim})`, received: spec['projection'] });
  }
  const metric = readEnum<VqMetric>(spec, 'metric', ['euclidean', 'cosine', 'l2-normalized'], 'euclidean');
  const returnRow = readEnum<VqReturnRow>(spec, 'returnRow', ['stored', 'normalized'], metric === 'l2-normalized' ? 'normalized' : 'stored');
  const normalizeEps = readNumber(spec, 'normalizeEps', { min: 0, default: 1e-12 });
  const minDistance = spec['minDistance'] === undefined || spec['minDistance'] === null ? -Infinity : readNumber(spec, 'minDistance', { min: 0 });
  if (metric === 'cosine' && minDistance !== -Infinity) {
    throw new InvalidSpecError({ path: 'minDistance', expected: 'no minDistance with metric "cosine" (it clamps distances, not similarities)', received: spec['minDistance'] });
  }
  return { codebookSize, dim, codebookDim, projection, metric, returnRow, normalizeEps, minDistance };
}
