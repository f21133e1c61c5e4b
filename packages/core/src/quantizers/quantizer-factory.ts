import type { Quantizer, QuantizerSpec, QuantizerWeights } from './quantizer.js';

/** Builds one family's quantizer from its spec and weights; validates both. */
export type QuantizerFactory = (spec: QuantizerSpec, weights: QuantizerWeights) => Quantizer;
