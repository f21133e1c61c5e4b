import type { QuantizerFactory } from '../quantizer-factory.js';
import { createGroupedVqQuantizer } from './create-grouped-vq-quantizer.js';
import { createVqQuantizer } from './create-vq-quantizer.js';

export { createVqQuantizer, vqCodebookWeightNames } from './create-vq-quantizer.js';
export { createGroupedVqQuantizer } from './create-grouped-vq-quantizer.js';
export type { VqMetric, VqReturnRow } from './vq-settings.js';

/** Factories of this folder's quantizer types, keyed by spec `type`. */
export const vqFactories: Readonly<Record<string, QuantizerFactory>> = {
  vq: createVqQuantizer,
  'grouped-vq': createGroupedVqQuantizer,
};
