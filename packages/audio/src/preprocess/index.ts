export { createAudioPreprocessor, planarSamples, type AudioPreprocessor } from './create-audio-preprocessor.js';
export { readAudioPreprocessingSpec, type AudioPreprocessingSpec, type AudioPadding } from './preprocessing-spec.js';
export { createStreamingPreprocessor, type StreamingPreprocessor } from './create-streaming-preprocessor.js';
