export { readWav, type ReadWavOptions } from './read-wav.js';
export { writeWav, type WriteWavOptions } from './write-wav.js';
