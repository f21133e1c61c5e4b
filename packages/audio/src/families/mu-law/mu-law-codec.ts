import type { AudioCodec } from '../../tokenizer/audio-codec.js';
import { muLawDecode, muLawEncode } from './mu-law.js';

/**
 * μ-law as an audio codec stage: one code per sample (hop 1, no padding, no context), samples clamped to
 * [−1, 1] first so that codes stay in [0, Q) (torchaudio would give codes beyond for |x| > 1).
 */
export function createMuLawCodec(sampleRate: number, quantizationChannels: number): AudioCodec {
  return {
    sampleRate,
    hopLength: 1,
    padMultiple: 1,
    alignFrames: 1,
    minSamples: 1,
    minFrames: 1,
    codeSpace: { axes: ['codebooks', 'frames'], sizes: [1, null], streams: [{ name: 'mu-law', codebookSize: quantizationChannels }], frameRate: sampleRate },
    canEncode: true,
    streaming: { encoder: { left: 0, right: 0 }, decoder: { left: 0, right: 0 }, exact: true },
    frames: (samples) => samples,
    async encode(samples) {
      const clamped = new Float32Array(samples.length);
      for (let i = 0; i < samples.length; i++) {
        const x = samples[i]!;
        clamped[i] = x > 1 ? 1 : x < -1 ? -1 : x;
      }
      return [muLawEncode(clamped, quantizationChannels)];
    },
    async decode(streams) {
      return muLawDecode(streams[0]!, quantizationChannels);
    },
    async release() {},
  };
}
