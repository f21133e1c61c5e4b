import type { Manifest } from '../manifest/manifest.js';
import { CODEC_FILES } from './codec-files.js';
import { ConfigFields } from './config-fields.js';

/**
 * SNAC (`model_type: "snac"`): multi-scale residual VQ; codebook `i` runs at frame rate / `vq_strides[i]`.
 * The hop length is the product of `encoder_rates`.
 */
export function snacManifest(config: Readonly<Record<string, unknown>>): Manifest {
  const fields = new ConfigFields(config);
  const strides = fields.counts('vq_strides');
  const hopLength = fields.counts('encoder_rates').reduce((a, b) => a * b, 1);
  const sampleRate = fields.positive('sampling_rate');
  const codebookSize = fields.count('codebook_size');
  return {
    manifestVersion: 1,
    modality: 'audio',
    family: 'snac',
    files: CODEC_FILES,
    preprocessing: { sampleRate, channels: 1, hopLength },
    // Streams of different rates: one flat block, coarsest stream first (the reference's order).
    codeSpace: { axes: ['tokens'], streams: strides.map((stride, i) => ({ name: `scale${i}`, codebookSize, stride })), frameRate: sampleRate / hopLength },
    config: { hopLength, strides },
  };
}
