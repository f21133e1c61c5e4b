export { resize, type ResizeOptions } from './resize.js';
export { type ResizeFilter, resizeFilters } from './filters.js';
