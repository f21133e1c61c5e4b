import type { AudioCodecFamilyDefinition } from '../codec/codec-family.js';

/** EnCodec (facebookresearch/encodec) 24 kHz: causal SEANet with LSTMs and residual VQ. */
export const ENCODEC_FAMILY = 'encodec';

/**
 * EnCodec's `convert_audio` resamples with `torchaudio.transforms.Resample` (float64 kernel). The 24 kHz
 * model is causal, so windows need left context only; its LSTMs carry state over the whole signal, so no
 * finite context is exact: 150 frames (2 s) make the seams' differences small (the README gives the measured
 * mismatch rate).
 */
export const encodecDefinition: AudioCodecFamilyDefinition = {
  family: ENCODEC_FAMILY,
  resample: { method: 'sinc-hann', kernelPrecision: 'float64' },
  streaming: () => ({ encoder: { left: 150, right: 0 }, decoder: { left: 150, right: 0 }, exact: false }),
};
