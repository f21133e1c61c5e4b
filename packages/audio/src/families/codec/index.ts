export { createAudioCodecFamily, type AudioCodecFamilyDefinition } from './codec-family.js';
