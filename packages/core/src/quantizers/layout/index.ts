export { gatherVectors, scatterVectors, type GatheredVectors } from './gather-vectors.js';
export { arrangeCodes, collectCodes, type CollectedCodes } from './arrange-codes.js';
export { createLayoutQuantizer } from './create-layout-quantizer.js';
