export { createRealFft, createComplexFft, type RealFft } from './real-fft.js';
export type { ComplexFft } from './bluestein-fft.js';
export { isPowerOfTwo } from './radix2-fft.js';
