export { resample } from './resample.js';
export { createResampler, resampleFilter, type Resampler } from './create-resampler.js';
export { resolveResampleOptions, type ResampleMethod, type ResampleOptions, type ResampleSettings } from './resample-options.js';
export type { PolyphaseFilter } from './polyphase-filter.js';
