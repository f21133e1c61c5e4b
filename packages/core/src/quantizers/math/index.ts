export { roundHalfEven } from './round-half-even.js';
export { linear } from './linear.js';
export { l2Normalize } from './l2-normalize.js';
export { nearestCodes, squaredNorms, type NearestMetric, type NearestCodesOptions } from './nearest-code.js';
export { createNearestCodeSearch, type NearestCodeSearch, type NearestCodeSearchOptions, type NearestCodeOutput } from './nearest-code-search.js';
