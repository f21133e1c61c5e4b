import type { ConfigAdapter, Manifest } from '@jointok/core';
import { CODEC_FILES, ConfigFields } from '../onnx-community/config-fields.js';

/**
 * The manifest of an onnx-community DAC folder (`model_type: "dac"`, transformers' `DacConfig`):
 * `n_codebooks` codebooks of `codebook_size` codes at `sampling_rate / hop_length` frames per second; input
 * zero-padded on the right to a multiple of the hop length, as DAC's `preprocess` does (the graph does not
 * pad; transformers' `DacFeatureExtractor` pads the same way in Python).
 */
export function dacManifest(config: Readonly<Record<string, unknown>>): Manifest {
  const fields = new ConfigFields(config);
  const sampleRate = fields.count('sampling_rate');
  const hopLength = config.hop_length === undefined ? fields.counts('downsampling_ratios').reduce((a, b) => a * b, 1) : fields.count('hop_length');
  const codebookSize = fields.count('codebook_size');
  return {
    manifestVersion: 1,
    name: 'onnx-community DAC',
    modality: 'audio',
    family: 'dac',
    files: CODEC_FILES,
    preprocessing: { sampleRate, channels: 1, padding: { side: 'right', value: 0, multiple: hopLength } },
    postprocessing: { sampleRate, channels: 1, samplesPerFrame: hopLength, trim: 'input-length' },
    codeSpace: { axes: ['codebooks', 'frames'], streams: Array.from({ length: fields.count('n_codebooks') }, (_, i) => ({ name: `codebook${i}`, codebookSize })), frameRate: sampleRate / hopLength },
    config: { hopLength },
  };
}

/** Reads onnx-community DAC folders (`config.json` `model_type: "dac"`). */
export const dacConfigAdapter: ConfigAdapter = { modelTypes: ['dac'], manifestFromConfig: dacManifest };
