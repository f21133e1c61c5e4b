export { bytePairEncode } from './byte-pair-merge.js';
