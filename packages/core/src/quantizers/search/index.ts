export type { AsyncNearestSearch } from './async-nearest-search.js';
export { createNearestLookup, type NearestLookup } from './nearest-lookup.js';
export { nearestRequest, type EncodeSteps, type NearestRequest } from './encode-steps.js';
export { runEncodeSteps, runEncodeStepsAsync } from './run-encode-steps.js';
export { typescriptNearestSearch } from './typescript-nearest-search.js';
export { assertNearestSearch } from './assert-nearest-search.js';
