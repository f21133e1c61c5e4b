export { readImageSequence, type SequenceItem, type ImageSequenceOptions, type SequenceImageReader } from './read-image-sequence.js';
