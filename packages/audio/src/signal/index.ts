export { type AudioSignal, frameCount } from './audio-signal.js';
export { checkAudioSignal, firstNonFinite, type CheckAudioSignalOptions } from './check-audio-signal.js';
