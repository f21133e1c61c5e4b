// Browser / Web Worker entry: the neutral entry plus readAudio for Blobs and AudioBuffers.
export * from './index.js';
export { readAudio, type AudioInput, type AudioBufferLike } from './decode/read-audio.browser.js';
export { audioFamilies, loadAudioTokenizer } from './load-audio-tokenizer.browser.js';
