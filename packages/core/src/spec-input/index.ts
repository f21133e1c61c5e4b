export { isDenseArray } from './dense-array.js';
export { MAX_JSON_DEPTH, jsonTextDepth, valueDepth } from './json-depth.js';
