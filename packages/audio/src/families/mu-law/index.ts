export { muLawEncode, muLawDecode } from './mu-law.js';
export {
  createMuLawTokenizer,
  createMuLawTokenizerFromManifest,
  muLawFamily,
  type AudioCodeSpace,
  type MuLawTokenizer,
  type MuLawTokenizerOptions,
} from './create-mu-law-tokenizer.js';
