export { siSdr, type SiSdrOptions } from './si-sdr.js';
export { melDistance, stftDistance, type MelDistanceOptions, type SpectralDistanceOptions } from './spectral-distance.js';
