// Weights files: safetensors in and out (Node and browsers), and float conversions for weights.
export { readSafetensors, type SafetensorsFile, type ReadSafetensorsOptions } from './read-safetensors.js';
export { writeSafetensors } from './write-safetensors.js';
export { toFloat32 } from './to-float32.js';
