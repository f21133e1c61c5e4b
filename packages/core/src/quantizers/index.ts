export type {
  Quantizer,
  QuantizerSpec,
  QuantizerLayoutSpec,
  QuantizerWeights,
  QuantizerEncodeOptions,
  QuantizerEncodeAsyncOptions,
  QuantizerOptions,
  QuantizerDecodeOptions,
  VectorQuantizerKernel,
  ChannelAxis,
  IndexLayout,
  CodeArray,
} from './quantizer.js';
export type { QuantizerFactory } from './quantizer-factory.js';
export { createQuantizer, quantizerTypes } from './create-quantizer.js';
export { createLayoutQuantizer } from './layout/index.js';
export {
  typescriptNearestSearch,
  createNearestLookup,
  nearestRequest,
  runEncodeSteps,
  runEncodeStepsAsync,
  type AsyncNearestSearch,
  type EncodeSteps,
  type NearestRequest,
  type NearestLookup,
} from './search/index.js';
export { roundHalfEven, nearestCodes, createNearestCodeSearch, type Codebook, type NearestMetric, type NearestCodeOutput, type NearestCodeSearch, type NearestCodeSearchOptions } from './math/index.js';
// Per-family factories, for users who want the typed settings of one family.
export { createFsqQuantizer, createResidualFsqQuantizer, roundToBfloat16, type FsqBound, type FsqOutputDtype, type ResidualFsqVariant } from './fsq/index.js';
export { createLfqQuantizer, createBsqQuantizer, type LfqSpec, type BsqSpec, type BsqIndexMode, type BitOrder } from './lfq/index.js';
export { createVqQuantizer, createGroupedVqQuantizer, type VqMetric, type VqReturnRow } from './vq/index.js';
export {
  createResidualVqQuantizer,
  createProjectedResidualVqQuantizer,
  createMultiscaleResidualVqQuantizer,
  createSplitResidualVqQuantizer,
  foldWeightNorm,
  type ProjectedResidualQuantizer,
  type ProjectedResidualEncoding,
  type ProjectedResidualDecoding,
  type MultiscaleResidualQuantizer,
} from './residual/index.js';
