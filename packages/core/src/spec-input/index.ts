export { isDenseArray } from './dense-array.js';
