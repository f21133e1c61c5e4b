export { decodeAudio, type DecodeAudioOptions } from './decode-audio.js';
export { detectAudioFormat, type AudioFormat } from './detect-format.js';
