export * from './mu-law/index.js';
export * from './snac/index.js';
export * from './dac/index.js';
export * from './encodec/index.js';
export * from './mimi/index.js';
export * from './wavtokenizer/index.js';
export * from './codec/index.js';
export { createAudioFamilies } from './create-audio-families.js';
