import { InvalidSpecError, type ConfigAdapter, type Manifest } from '@jointok/core';
import { CODEC_FILES, ConfigFields } from '../onnx-community/config-fields.js';

/**
 * The manifest of an onnx-community Mimi folder (`model_type: "mimi"`, transformers' `MimiConfig`): split
 * residual VQ, the first `num_semantic_quantizers` codebooks semantic (`semantic0`), the rest acoustic
 * (`acoustic0`, ...), `num_quantizers` in all, at `frame_rate` frames per second; input zero-padded on the
 * right to a whole frame (`sampling_rate / frame_rate` samples), as moshi's `pad_for_conv1d` does.
 */
export function mimiManifest(config: Readonly<Record<string, unknown>>): Manifest {
  const fields = new ConfigFields(config);
  const channels = fields.countOr('audio_channels', 1);
  const semantic = fields.countOr('num_semantic_quantizers', 1);
  const codebookSize = fields.count('codebook_size');
  const sampleRate = fields.count('sampling_rate');
  const frameRate = fields.positive('frame_rate');
  const frameSize = sampleRate / frameRate;
  if (!Number.isSafeInteger(frameSize)) throw new InvalidSpecError({ path: 'config.json frame_rate', expected: `a rate that divides sampling_rate ${sampleRate} into whole frames`, received: frameRate });
  const ratios = fields.counts('upsampling_ratios');
  const encoderFrameRate = sampleRate / ratios.reduce((a, b) => a * b, 1);
  return {
    manifestVersion: 1,
    name: 'onnx-community Mimi',
    modality: 'audio',
    family: 'mimi',
    files: CODEC_FILES,
    preprocessing: { sampleRate, channels, padding: { side: 'right', value: 0, multiple: frameSize } },
    postprocessing: { sampleRate, channels, samplesPerFrame: frameSize, trim: 'input-length' },
    codeSpace: {
      axes: ['codebooks', 'frames'],
      streams: Array.from({ length: fields.count('num_quantizers') }, (_, i) => ({ name: i < semantic ? `semantic${i}` : `acoustic${i - semantic}`, codebookSize })),
      frameRate,
    },
    config: {
      frameSize,
      semanticCodebooks: semantic,
      encoderFrameRate,
      transformer: { layers: fields.countOr('num_hidden_layers', 8), context: fields.countOr('sliding_window', 250) },
    },
  };
}

/** Reads onnx-community Mimi folders (`config.json` `model_type: "mimi"`). */
export const mimiConfigAdapter: ConfigAdapter = { modelTypes: ['mimi'], manifestFromConfig: mimiManifest };
