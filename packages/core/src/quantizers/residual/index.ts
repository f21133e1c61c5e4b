import type { QuantizerFactory } from '../quantizer-factory.js';
import { createMultiscaleResidualVq } from './multiscale-residual-vq.js';
import { createProjectedResidualVq } from './projected-residual-vq.js';
import { createResidualVq } from './residual-vq.js';
import { createSplitResidualVq } from './split-residual-vq.js';

export { createResidualVq } from './residual-vq.js';
export { createProjectedResidualVq, type ProjectedResidualQuantizer, type ProjectedResidualEncoding, type ProjectedResidualDecoding } from './projected-residual-vq.js';
export { createMultiscaleResidualVq, type MultiscaleResidualQuantizer } from './multiscale-residual-vq.js';
export { createSplitResidualVq } from './split-residual-vq.js';
export { foldWeightNorm } from './fold-weight-norm.js';

/** Factories of this folder's quantizer types, keyed by spec `type`. */
export const residualFactories: Readonly<Record<string, QuantizerFactory>> = {
  'residual-vq': createResidualVq,
  'projected-residual-vq': createProjectedResidualVq,
  'multiscale-residual-vq': createMultiscaleResidualVq,
  'split-residual-vq': createSplitResidualVq,
};
