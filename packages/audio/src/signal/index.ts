export { type AudioSignal, frameCount } from './audio-signal.js';
export { checkAudioSignal, type CheckAudioSignalOptions } from './check-audio-signal.js';
export { audioLimits } from './limits.js';
