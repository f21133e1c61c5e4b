export { applyOrientation } from './orientation.js';
