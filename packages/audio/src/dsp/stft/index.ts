export { stftMagnitude, type Spectrogram, type StftOptions } from './stft.js';
export { hannWindow } from './hann-window.js';
