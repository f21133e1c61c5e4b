// The neutral entry's audio families and loader.
import type { ModelRepository } from '@jointok/core';
import { decodeAudio as readAudio } from './decode/decode-audio.js';
import { createAudioFamilies } from './families/create-audio-families.js';
import type { AudioTokenizer } from './tokenizer/audio-tokenizer.js';
import { loadAudioTokenizerWith, type LoadAudioTokenizerOptions } from './tokenizer/load-audio-tokenizer.js';
import type { AudioReader } from './tokenizer/read-audio-source.js';

/**
 * This package's tokenizer families (`snac`, `dac`, `encodec`, `mimi`, `wavtokenizer`, `mu-law`), for
 * `loadTokenizer(source, { families: audioFamilies })` or `registerTokenizerFamilies(audioFamilies)`.
 * Their tokenizers read encoded bytes.
 */
export const audioFamilies = /* @__PURE__ */ createAudioFamilies(readAudio as AudioReader);

/**
 * Loads an audio tokenizer: without a source, the built-in μ-law tokenizer (256 levels at 16 kHz, no
 * weights); otherwise any model repository (folder, URL, `hf:owner/name@revision`) of a family this package
 * runs, in the jointok layout or the onnx-community one (SNAC, DAC, Mimi).
 *
 * @example
 * await using snac = await loadAudioTokenizer('hf:onnx-community/snac_24khz-ONNX');
 * const block = await snac.encode(wavBytes); // TokenBlock: 3 codebooks, coarse first, in one flat block
 * const audio = await snac.decode(block);       // { sampleRate: 24000, channels: [Float32Array] }
 */
export function loadAudioTokenizer(source?: string | URL | ModelRepository, options: LoadAudioTokenizerOptions = {}): Promise<AudioTokenizer> {
  return loadAudioTokenizerWith(audioFamilies, readAudio as AudioReader, source, options);
}
