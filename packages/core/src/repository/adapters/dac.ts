import type { Manifest } from '../manifest/manifest.js';
import { CODEC_FILES } from './codec-files.js';
import { ConfigFields } from './config-fields.js';

/** DAC (`model_type: "dac"`): residual VQ with `n_codebooks` codebooks of `codebook_size` codes. */
export function dacManifest(config: Readonly<Record<string, unknown>>): Manifest {
  const fields = new ConfigFields(config);
  return {
    manifestVersion: 1,
    modality: 'audio',
    family: 'dac',
    files: CODEC_FILES,
    preprocessing: { sampleRate: fields.positive('sampling_rate'), channels: 1, hopLength: fields.count('hop_length') },
    layout: { axes: ['codebooks', 'frames'], codebooks: fields.count('n_codebooks'), codebookSize: fields.count('codebook_size') },
  };
}
