export type {
  Quantizer,
  QuantizerSpec,
  QuantizerLayoutSpec,
  QuantizerWeights,
  QuantizerEncodeOptions,
  QuantizerDecodeOptions,
  VectorQuantizerKernel,
  ChannelAxis,
  IndexLayout,
  CodeArray,
} from './quantizer.js';
export type { QuantizerFactory } from './quantizer-factory.js';
export { createQuantizer, quantizerTypes } from './create-quantizer.js';
export { createLayoutQuantizer } from './layout/index.js';
export { roundHalfEven } from './math/index.js';
export type { ProjectedResidualQuantizer, ProjectedResidualEncoding, ProjectedResidualDecoding, MultiscaleResidualQuantizer } from './residual/index.js';
