import type { ConfigAdapter, Manifest } from '@jointok/core';
import { CODEC_FILES, ConfigFields } from '../onnx-community/config-fields.js';

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The manifest of an onnx-community SNAC folder (`model_type: "snac"`, e.g. onnx-community/snac_24khz-ONNX):
 * multi-scale residual VQ whose codebook i runs at the frame rate / `vq_strides[i]`; hop length = the product
 * of `encoder_rates`; input zero-padded on the right to hop · lcm(vq_strides[0], attn_window_size or 1), as
 * SNAC's `preprocess` does. Streams are named as a jointok export names them (`codebook0`, coarse first), so
 * blocks of both layouts are interchangeable.
 */
export function snacManifest(config: Readonly<Record<string, unknown>>): Manifest {
  const fields = new ConfigFields(config);
  const strides = fields.counts('vq_strides');
  const hopLength = fields.counts('encoder_rates').reduce((a, b) => a * b, 1);
  const sampleRate = fields.count('sampling_rate');
  const codebookSize = fields.count('codebook_size');
  const window = fields.countOr('attn_window_size', 1);
  const padMultiple = hopLength * ((strides[0]! * window) / gcd(strides[0]!, window));
  return {
    manifestVersion: 1,
    name: 'onnx-community SNAC',
    modality: 'audio',
    family: 'snac',
    files: CODEC_FILES,
    preprocessing: { sampleRate, channels: 1, padding: { side: 'right', value: 0, multiple: padMultiple } },
    postprocessing: { sampleRate, channels: 1, samplesPerFrame: hopLength, trim: 'input-length' },
    codeSpace: { axes: ['tokens'], streams: strides.map((stride, i) => ({ name: `codebook${i}`, codebookSize, stride })), frameRate: sampleRate / hopLength },
    config: { hopLength, vqStrides: strides, padMultiple, attnWindowSize: window === 1 ? null : window },
  };
}

/** Reads onnx-community SNAC folders (`config.json` `model_type: "snac"`). */
export const snacConfigAdapter: ConfigAdapter = { modelTypes: ['snac'], manifestFromConfig: snacManifest };
