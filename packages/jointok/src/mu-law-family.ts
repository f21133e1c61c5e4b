import type { TokenizerFamily } from '@jointok/core';
import { createMuLawTokenizerFromManifest, muLawFamily } from '@jointok/audio';
import { withAudioInput } from './audio-input.js';

/**
 * The μ-law family plug-in: a model folder whose jointok.json says `"family": "mu-law"` (its
 * `preprocessing.sampleRate` and `codeSpace.streams[0].codebookSize`) loads as the μ-law tokenizer.
 * (When `@jointok/audio` exports its own families and `loadAudioTokenizer`, they take over here.)
 */
export const muLawTokenizerFamily: TokenizerFamily = {
  family: muLawFamily,
  modality: 'audio',
  packageName: '@jointok/audio',
  async load(repository) {
    return withAudioInput(createMuLawTokenizerFromManifest(repository.manifest));
  },
};
