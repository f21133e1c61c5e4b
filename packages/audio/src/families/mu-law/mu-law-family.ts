import type { Manifest, ModelRepository, TokenizerFamily } from '@jointok/core';
import type { AudioTokenizer } from '../../tokenizer/audio-tokenizer.js';
import { createAudioTokenizer } from '../../tokenizer/create-audio-tokenizer.js';
import type { AudioReader } from '../../tokenizer/read-audio-source.js';
import { MU_LAW_FAMILY, readMuLawManifest } from './create-mu-law-tokenizer.js';
import { createMuLawCodec } from './mu-law-codec.js';

/**
 * The built-in default audio tokenizer, what `loadAudioTokenizer()` gives without a source: μ-law with 256
 * levels at 16 kHz, mono (mean of the channels), input resampled with torchaudio's default filter. No
 * weights, nothing to download: its manifest is all there is (a folder holding this `jointok.json` alone
 * loads the same tokenizer).
 */
export const DEFAULT_AUDIO_MANIFEST: Manifest = {
  manifestVersion: 1,
  name: 'jointok/mu-law-16k',
  description: 'μ-law, 256 levels, 16 kHz mono (torchaudio.functional.mu_law_encoding)',
  modality: 'audio',
  family: MU_LAW_FAMILY,
  files: [],
  preprocessing: { sampleRate: 16000, channels: 1, mix: 'mean', resample: { method: 'sinc-hann' } },
  codeSpace: { axes: ['codebooks', 'frames'], sizes: [1, null], streams: [{ name: 'mu-law', codebookSize: 256 }], frameRate: 16000 },
  license: 'Apache-2.0',
};

/** The μ-law `AudioTokenizer` a manifest describes. */
export function createMuLawAudioTokenizer(manifest: Manifest, readAudio: AudioReader): AudioTokenizer {
  const { spec, quantizationChannels } = readMuLawManifest(manifest);
  return createAudioTokenizer({ family: MU_LAW_FAMILY, manifest, preprocessing: spec, codec: createMuLawCodec(spec.sampleRate, quantizationChannels), readAudio });
}

/** The `mu-law` family: a folder whose `jointok.json` says `"family": "mu-law"` (no other file needed). */
export function createMuLawFamily(readAudio: AudioReader): TokenizerFamily<AudioTokenizer> {
  return {
    family: MU_LAW_FAMILY,
    modality: 'audio',
    packageName: '@jointok/audio',
    load: async (repository: ModelRepository) => createMuLawAudioTokenizer(repository.manifest, readAudio),
  };
}
