export { readWav, type ReadWavOptions } from './read-wav.js';
export { writeWav, type WriteWavOptions } from './write-wav.js';
export { parseWavFormat, type WavFormat } from './wav-format.js';
export { pcmToFloat } from './pcm-to-float.js';
export { floatToPcm } from './float-to-pcm.js';
