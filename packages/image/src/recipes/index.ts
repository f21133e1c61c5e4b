export { createPreprocessor, type Preprocessor, type PreprocessResult } from './preprocessor.js';
export { createPostprocessor, type Postprocessor } from './postprocessor.js';
export { readPreprocessSteps, readPostprocessSteps } from './read-steps.js';
export type * from './step-types.js';
