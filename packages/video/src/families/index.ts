export { createVideoFamilies } from './create-video-families.js';
export * from './cosmos-dv/index.js';
