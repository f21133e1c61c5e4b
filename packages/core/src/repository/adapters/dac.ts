import type { Manifest } from '../manifest/manifest.js';
import { CODEC_FILES } from './codec-files.js';
import { ConfigFields } from './config-fields.js';

/** DAC (`model_type: "dac"`): residual VQ with `n_codebooks` codebooks of `codebook_size` codes. */
export function dacManifest(config: Readonly<Record<string, unknown>>): Manifest {
  const fields = new ConfigFields(config);
  const sampleRate = fields.positive('sampling_rate');
  const hopLength = fields.count('hop_length');
  const codebookSize = fields.count('codebook_size');
  return {
    manifestVersion: 1,
    modality: 'audio',
    family: 'dac',
    files: CODEC_FILES,
    preprocessing: { sampleRate, channels: 1, hopLength },
    codeSpace: { axes: ['codebooks', 'frames'], streams: Array.from({ length: fields.count('n_codebooks') }, (_, i) => ({ name: `codebook${i}`, codebookSize })), frameRate: sampleRate / hopLength },
    config: { hopLength },
  };
}
