import type { AudioCodecFamilyDefinition } from '../codec/codec-family.js';
import { dacConfigAdapter } from './dac-config-adapter.js';

/** DAC (descript-audio-codec): residual VQ with factorized codes, 16, 24 and 44 kHz. */
export const DAC_FAMILY = 'dac';

/**
 * DAC's input path (`AudioSignal.resample`, audiotools) uses julius' `resample_frac`. Its convolutions
 * reach about ±8 latent frames in the encoder and ±10 in the decoder (measured); 16 frames of context covers them.
 */
export const dacDefinition: AudioCodecFamilyDefinition = {
  family: DAC_FAMILY,
  configAdapter: dacConfigAdapter,
  resample: { method: 'julius' },
  streaming: () => ({ encoder: { left: 16, right: 16 }, decoder: { left: 16, right: 16 }, exact: true }),
};
