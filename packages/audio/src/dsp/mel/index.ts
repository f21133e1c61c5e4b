export { melFilters, type MelFilterOptions } from './mel-filters.js';
