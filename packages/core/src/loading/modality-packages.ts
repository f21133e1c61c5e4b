import type { Modality } from '../modality/token-block.js';

/** The package that provides each modality's tokenizer families, named in `UnknownFamilyError`. */
export const MODALITY_PACKAGES: Readonly<Record<Modality, string>> = {
  text: '@jointok/text',
  image: '@jointok/image',
  audio: '@jointok/audio',
  video: '@jointok/video',
};
