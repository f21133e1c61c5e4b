import type { Quantizer, QuantizerOptions, QuantizerSpec, QuantizerWeights } from './quantizer.js';

/** Builds one family's quantizer from its spec and weights (validating both), with the options of `createQuantizer`. */
export type QuantizerFactory = (spec: QuantizerSpec, weights: QuantizerWeights, options?: QuantizerOptions) => Quantizer;
