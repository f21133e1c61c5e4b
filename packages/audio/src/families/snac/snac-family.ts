import type { AudioCodecFamilyDefinition } from '../codec/codec-family.js';
import { snacConfigAdapter } from './snac-config-adapter.js';

/** SNAC (hubertsiuzdak/snac): multi-scale residual VQ, 24, 32 and 44 kHz; what Orpheus TTS speaks in. */
export const SNAC_FAMILY = 'snac';

/**
 * SNAC's convolutions reach about ±10 latent frames (measured on the 24 kHz architecture: a sample changes
 * latents up to 10 frames away, a latent frame changes audio up to 10 frames away); 16 frames of context,
 * rounded up to the frame group (4, or the local-attention window of the 32/44 kHz models, whose
 * non-overlapping windows the alignment keeps whole), covers it.
 */
export const snacDefinition: AudioCodecFamilyDefinition = {
  family: SNAC_FAMILY,
  configAdapter: snacConfigAdapter,
  streaming: () => ({ encoder: { left: 16, right: 16 }, decoder: { left: 16, right: 16 }, exact: true }),
};
