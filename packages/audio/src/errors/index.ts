export { InvalidAudioError } from './invalid-audio-error.js';
