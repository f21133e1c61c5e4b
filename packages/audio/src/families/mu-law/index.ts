export { muLawEncode, muLawDecode } from './mu-law.js';
export {
  createMuLawTokenizer,
  createMuLawTokenizerFromManifest,
  readMuLawManifest,
  MU_LAW_FAMILY,
  type AudioCodeSpace,
  type MuLawTokenizer,
  type MuLawTokenizerOptions,
} from './create-mu-law-tokenizer.js';
export { DEFAULT_AUDIO_MANIFEST } from './mu-law-family.js';
