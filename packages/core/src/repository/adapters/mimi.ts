import type { Manifest } from '../manifest/manifest.js';
import { CODEC_FILES } from './codec-files.js';
import { ConfigFields } from './config-fields.js';

/**
 * Mimi (`model_type: "mimi"`): split residual VQ, the first `num_semantic_quantizers` codebooks
 * semantic, the rest acoustic, at `frame_rate` frames per second.
 */
export function mimiManifest(config: Readonly<Record<string, unknown>>): Manifest {
  const fields = new ConfigFields(config);
  const channels = config.audio_channels === undefined ? 1 : fields.count('audio_channels');
  const semantic = config.num_semantic_quantizers === undefined ? 1 : fields.count('num_semantic_quantizers');
  const codebookSize = fields.count('codebook_size');
  const frameRate = fields.positive('frame_rate');
  return {
    manifestVersion: 1,
    modality: 'audio',
    family: 'mimi',
    files: CODEC_FILES,
    preprocessing: { sampleRate: fields.positive('sampling_rate'), channels },
    // The first `semantic` codebooks are semantic, the rest acoustic.
    codeSpace: {
      axes: ['codebooks', 'frames'],
      streams: Array.from({ length: fields.count('num_quantizers') }, (_, i) => ({ name: i < semantic ? `semantic${i}` : `acoustic${i - semantic}`, codebookSize })),
      frameRate,
    },
    config: { semanticCodebooks: semantic },
  };
}
