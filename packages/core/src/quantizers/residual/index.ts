import type { QuantizerFactory } from '../quantizer-factory.js';
import { createMultiscaleResidualVqQuantizer } from './multiscale-residual-vq.js';
import { createProjectedResidualVqQuantizer } from './projected-residual-vq.js';
import { createResidualVqQuantizer } from './residual-vq.js';
import { createSplitResidualVqQuantizer } from './split-residual-vq.js';

export { createResidualVqQuantizer } from './residual-vq.js';
export { createProjectedResidualVqQuantizer, type ProjectedResidualQuantizer, type ProjectedResidualEncoding, type ProjectedResidualDecoding } from './projected-residual-vq.js';
export { createMultiscaleResidualVqQuantizer, type MultiscaleResidualQuantizer } from './multiscale-residual-vq.js';
export { createSplitResidualVqQuantizer } from './split-residual-vq.js';
export { foldWeightNorm } from './fold-weight-norm.js';

/** Factories of this folder's quantizer types, keyed by spec `type`. */
export const residualFactories: Readonly<Record<string, QuantizerFactory>> = {
  'residual-vq': createResidualVqQuantizer,
  'projected-residual-vq': createProjectedResidualVqQuantizer,
  'multiscale-residual-vq': createMultiscaleResidualVqQuantizer,
  'split-residual-vq': createSplitResidualVqQuantizer,
};
