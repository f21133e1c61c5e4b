import { defineFuzzTarget, fuzzAssert, mutatedFile } from '@jointok/core/fuzz';
import fc from 'fast-check';
import { decodeAudio } from '../decode/decode-audio.js';
import { audioFormat } from './audio-formats.js';

/**
 * An `audio/*` target: mutated real files through `decodeAudio` (chunks duplicated, dropped, swapped,
 * sizes lied about, Ogg CRCs repaired so that damage reaches the codecs). Accepted audio must be
 * well-formed: a positive finite sample rate, at least one channel, every channel a Float32Array of
 * the same length.
 */
export function decodeAudioTarget(name: string, description: string, seeds: readonly Uint8Array[]) {
  return defineFuzzTarget<Uint8Array>({
    name,
    description,
    input: mutatedFile(seeds, { format: audioFormat, head: 128 }),
    budget: { allocationBytes: 64 << 20 },
    async run(bytes) {
      const audio = await decodeAudio(bytes);
      fuzzAssert(Number.isFinite(audio.sampleRate) && audio.sampleRate > 0, () => `sample rate ${audio.sampleRate}`);
      fuzzAssert(audio.channels.length > 0, 'no channels');
      const frames = audio.channels[0]!.length;
      for (const channel of audio.channels) fuzzAssert(channel instanceof Float32Array && channel.length === frames, 'channels of different lengths or types');
    },
  });
}
