import type { TokenizerFamily } from '@jointok/core';
import type { AudioTokenizer } from '../tokenizer/audio-tokenizer.js';
import type { AudioReader } from '../tokenizer/read-audio-source.js';
import { createAudioCodecFamily } from './codec/codec-family.js';
import { dacDefinition } from './dac/dac-family.js';
import { encodecDefinition } from './encodec/encodec-family.js';
import { mimiDefinition } from './mimi/mimi-family.js';
import { createMuLawFamily } from './mu-law/mu-law-family.js';
import { snacDefinition } from './snac/snac-family.js';
import { wavtokenizerDefinition } from './wavtokenizer/wavtokenizer-family.js';

/** Every audio family of this package, reading audio with the entry's `readAudio`. */
export function createAudioFamilies(readAudio: AudioReader): readonly TokenizerFamily<AudioTokenizer>[] {
  return [
    ...[snacDefinition, dacDefinition, encodecDefinition, mimiDefinition, wavtokenizerDefinition].map((definition) => createAudioCodecFamily(definition, readAudio)),
    createMuLawFamily(readAudio),
  ];
}
