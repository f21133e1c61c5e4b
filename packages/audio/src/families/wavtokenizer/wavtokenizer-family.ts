import type { AudioCodecFamilyDefinition } from '../codec/codec-family.js';

/** WavTokenizer (jishengpeng/WavTokenizer): one codebook, 40 or 75 tokens per second, Vocos decoder. */
export const WAVTOKENIZER_FAMILY = 'wavtokenizer';

/**
 * WavTokenizer reads audio with EnCodec's `convert_audio` (`torchaudio.transforms.Resample`). Its encoder's
 * convolutions reach 4 frames back and its LSTM forward over the whole signal; its decoder's attention block
 * sees every frame: no finite context is exact, 150 frames (2 s, 8 ahead for the encoder) keep seams small.
 */
export const wavtokenizerDefinition: AudioCodecFamilyDefinition = {
  family: WAVTOKENIZER_FAMILY,
  resample: { method: 'sinc-hann', kernelPrecision: 'float64' },
  streaming: () => ({ encoder: { left: 150, right: 8 }, decoder: { left: 150, right: 150 }, exact: false }),
};
