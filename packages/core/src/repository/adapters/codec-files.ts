import type { ManifestFile } from '../manifest/manifest.js';

/**
 * The encoder and decoder of an onnx-community audio codec export. Variants follow the folder's
 * naming (`onnx/encoder_model_fp16.onnx`) and are found by name, so they are not listed here.
 */
export const CODEC_FILES: readonly ManifestFile[] = [
  { path: 'onnx/encoder_model.onnx', role: 'encoder' },
  { path: 'onnx/decoder_model.onnx', role: 'decoder' },
];
