export { createAudioPreprocessor, planarSamples, type AudioPreprocessor } from './create-audio-preprocessor.js';
export { readAudioPreprocessingSpec, type AudioPreprocessingSpec } from './preprocessing-spec.js';
