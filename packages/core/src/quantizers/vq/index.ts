import type { QuantizerFactory } from '../quantizer-factory.js';

/** Factories of this folder's quantizer types, keyed by spec `type`. */
export const vqFactories: Readonly<Record<string, QuantizerFactory>> = {};
