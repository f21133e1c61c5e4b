import type { Manifest } from '@jointok/core';
import type { AudioCodecFamilyDefinition } from '../codec/codec-family.js';
import { mimiConfigAdapter } from './mimi-config-adapter.js';

/** Mimi (Kyutai, the codec of Moshi): causal SEANet + transformers, split semantic/acoustic residual VQ, 12.5 Hz. */
export const MIMI_FAMILY = 'mimi';

/**
 * Left context that covers Mimi's receptive field: its transformers attend `context` steps back at the
 * encoder's frame rate (25 Hz, twice the code rate), once per layer, plus a few frames of convolution.
 */
export function mimiContextFrames(manifest: Manifest): number {
  const config = manifest.config ?? {};
  const transformer = (config.transformer ?? {}) as { layers?: unknown; context?: unknown };
  const layers = Number.isSafeInteger(transformer.layers) ? (transformer.layers as number) : 8;
  const context = Number.isSafeInteger(transformer.context) ? (transformer.context as number) : 250;
  const encoderRate = typeof config.encoderFrameRate === 'number' ? config.encoderFrameRate : 25;
  const ratio = encoderRate / (manifest.codeSpace?.frameRate ?? 12.5);
  return layers * Math.ceil(context / ratio) + 8;
}

/**
 * Mimi is causal (streaming by design): windows need left context only, and the transformers' attention
 * windows bound it (`mimiContextFrames`), so windowed encoding and decoding equal whole-signal processing.
 */
export const mimiDefinition: AudioCodecFamilyDefinition = {
  family: MIMI_FAMILY,
  configAdapter: mimiConfigAdapter,
  streaming: (manifest) => {
    const left = mimiContextFrames(manifest);
    return { encoder: { left, right: 0 }, decoder: { left, right: 0 }, exact: true };
  },
};
