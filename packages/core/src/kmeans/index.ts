export { fitCodebook, type FitCodebookResult } from './fit-codebook.js';
export type { FitCodebookOptions, FitCodebookProgress } from './fit-codebook-options.js';

