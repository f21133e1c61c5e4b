// Node entry: the neutral entry plus readAudio for paths.
export * from './index.js';
export { readAudio, type AudioInput } from './decode/read-audio.node.js';
export { audioFamilies, loadAudioTokenizer } from './load-audio-tokenizer.node.js';
