import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import type { Manifest } from '../manifest/manifest.js';
import { ConfigFields } from './config-fields.js';

/**
 * Janus / Janus-Pro (`model_type: "multi_modality"`): only the image-generation VQ decoder
 * (`onnx/image_decode.onnx`, codes in, pixels out) is a tokenizer part. Codebook from `gen_vision_config.params`
 * (`image_token_size`, `n_embed`); the downsampling factor from its class name (`VQ-16`); the image
 * size from `vision_config.params.image_size`.
 */
export function janusManifest(config: Readonly<Record<string, unknown>>): Manifest {
  const fields = new ConfigFields(config);
  const genVision = fields.object('gen_vision_config');
  const vq = genVision.object('params');
  const imageSize = fields.object('vision_config').object('params').count('image_size');
  const cls = genVision.optional('cls');
  const factor = typeof cls === 'string' ? /^VQ-(\d+)$/.exec(cls)?.[1] : undefined;
  if (factor === undefined) throw new InvalidSpecError({ path: 'config.json gen_vision_config.cls', expected: 'a VQ class name such as "VQ-16"', received: cls });
  const downsample = Number(factor);
  if (imageSize % downsample !== 0) {
    throw new InvalidSpecError({ path: 'config.json vision_config.params.image_size', expected: `a multiple of ${downsample}`, received: imageSize });
  }
  const grid = imageSize / downsample;
  return {
    manifestVersion: 1,
    modality: 'image',
    family: 'janus',
    files: [{ path: 'onnx/image_decode.onnx', role: 'decoder' }],
    preprocessing: { imageSize },
    codeSpace: { axes: ['height', 'width'], sizes: [grid, grid], streams: [{ name: 'image', codebookSize: vq.count('image_token_size') }] },
    config: { downsample, codeDimension: vq.count('n_embed') },
  };
}
