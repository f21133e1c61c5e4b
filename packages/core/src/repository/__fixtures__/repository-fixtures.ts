import { createHash } from 'node:crypto';
import type { ConfigAdapter } from '../adapters/config-adapter.js';

/** Hex sha256 with node:crypto, independent of the code under test. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Deterministic pseudo-random bytes (a tiny LCG), so bodies are not all zeros. */
export function bytesOf(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

/** A valid jointok.json for the given files, written by hand from the format's rules. */
export function manifestFor(files: Readonly<Record<string, Uint8Array>>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    manifestVersion: 1,
    name: 'test/tiny',
    modality: 'image',
    family: 'default',
    files: Object.entries(files).map(([path, body]) => ({ path, sha256: sha256(body), size: body.length })),
    quantizer: { type: 'fsq', levels: [8, 5, 5, 5] },
    license: 'Apache-2.0',
    ...extra,
  });
}

/** A config.json shaped like onnx-community's SNAC 24 kHz export. */
export const SNAC_CONFIG = {
  model_type: 'snac',
  sampling_rate: 24000,
  encoder_dim: 48,
  encoder_rates: [2, 4, 8, 8],
  decoder_dim: 1024,
  decoder_rates: [8, 8, 4, 2],
  codebook_size: 4096,
  codebook_dim: 8,
  vq_strides: [4, 2, 1],
};

/** A config.json shaped like onnx-community's DAC 44 kHz export. */
export const DAC_CONFIG = { model_type: 'dac', sampling_rate: 44100, hop_length: 512, codebook_size: 1024, codebook_dim: 8, n_codebooks: 9, downsampling_ratios: [2, 4, 8, 8] };

/** A config.json shaped like onnx-community's Mimi export. */
export const MIMI_CONFIG = { model_type: 'mimi', sampling_rate: 24000, frame_rate: 12.5, audio_channels: 1, codebook_size: 2048, num_quantizers: 32, num_semantic_quantizers: 1 };

/** A config.json shaped like onnx-community's Janus-Pro-1B export (the fields the adapter reads). */
export const JANUS_CONFIG = {
  model_type: 'multi_modality',
  gen_vision_config: { cls: 'VQ-16', model_type: 'gen_vision', params: { image_token_size: 16384, n_embed: 8 } },
  vision_config: { cls: 'CLIPVisionTower', model_type: 'vision', params: { image_size: 384 } },
};

/**
 * Config adapters for the synthetic onnx-community folders above, standing in for the families' own (which
 * live in @jointok/audio and @jointok/image): each names the family and lists the folder's graphs, enough for
 * the repository loader's tests (variants, caching, integrity) without a modality package.
 */
export const TEST_CONFIG_ADAPTERS: readonly ConfigAdapter[] = [
  ['snac', 'audio', ['onnx/encoder_model.onnx', 'onnx/decoder_model.onnx']],
  ['dac', 'audio', ['onnx/encoder_model.onnx', 'onnx/decoder_model.onnx']],
  ['mimi', 'audio', ['onnx/encoder_model.onnx', 'onnx/decoder_model.onnx']],
  ['multi_modality', 'image', ['onnx/image_decode.onnx']],
].map(([modelType, modality, paths]) => ({
  modelTypes: [modelType as string],
  manifestFromConfig: () => ({
    manifestVersion: 1 as const,
    modality: modality as 'audio' | 'image',
    family: modelType === 'multi_modality' ? 'janus' : (modelType as string),
    files: (paths as string[]).map((path) => ({ path, role: path.includes('encoder') ? 'encoder' : 'decoder' })),
  }),
}));
