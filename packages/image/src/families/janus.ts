import { InvalidSpecError, type ConfigAdapter, type Manifest, type Tensor } from '@jointok/core';

/** Janus / Janus-Pro image generation: LlamaGen's VQ-16 decoder, published by onnx-community as a codes-in graph. */
export const JANUS_FAMILY = 'janus';

type Json = Readonly<Record<string, unknown>>;

function field(config: Json, path: readonly string[]): unknown {
  let value: unknown = config;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Json)[key] : undefined;
  return value;
}

function positiveInteger(config: Json, path: readonly string[]): number {
  const value = field(config, path);
  if (!Number.isSafeInteger(value) || (value as number) <= 0) throw new InvalidSpecError({ path: `config.json ${path.join('.')}`, expected: 'a positive integer', received: value });
  return value as number;
}

/**
 * The manifest of an onnx-community Janus folder (`model_type: "multi_modality"`): only its image decoder,
 * `onnx/image_decode.onnx` (codes in, pixels out), is a tokenizer part. The codebook comes from
 * `gen_vision_config.params` (`image_token_size`, `n_embed`), the downsampling factor from its class name
 * (`VQ-16`), the image size from `vision_config.params.image_size`. Pixels come back as Janus' generation
 * script writes them: `clip((x + 1) / 2 · 255, 0, 255)` truncated to uint8.
 */
export function janusManifest(config: Json): Manifest {
  const cls = field(config, ['gen_vision_config', 'cls']);
  const factor = typeof cls === 'string' ? /^VQ-(\d+)$/.exec(cls)?.[1] : undefined;
  if (factor === undefined) throw new InvalidSpecError({ path: 'config.json gen_vision_config.cls', expected: 'a VQ class name such as "VQ-16"', received: cls });
  const downsample = Number(factor);
  const imageSize = positiveInteger(config, ['vision_config', 'params', 'image_size']);
  if (imageSize % downsample !== 0) throw new InvalidSpecError({ path: 'config.json vision_config.params.image_size', expected: `a multiple of ${downsample}`, received: imageSize });
  const grid = imageSize / downsample;
  return {
    manifestVersion: 1,
    modality: 'image',
    family: JANUS_FAMILY,
    files: [{ path: 'onnx/image_decode.onnx', role: 'decoder' }],
    // Janus' image processor: pixels / 255, normalised to [-1, 1] (only the decoder is published, so unused).
    preprocessing: { steps: [{ type: 'to-tensor', mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] }] },
    postprocessing: { steps: [{ type: 'to-uint8', mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], rounding: 'truncate' }] },
    codeSpace: { axes: ['height', 'width'], sizes: [grid, grid], streams: [{ name: 'image', codebookSize: positiveInteger(config, ['gen_vision_config', 'params', 'image_token_size']) }] },
    config: { downsample, codeDimension: positiveInteger(config, ['gen_vision_config', 'params', 'n_embed']), imageSize },
  };
}

/** Reads onnx-community Janus folders. */
export const janusConfigAdapter: ConfigAdapter = { modelTypes: ['multi_modality'], manifestFromConfig: janusManifest };

/** Janus' decoder takes the codes themselves: int64 `[1, h·w]`, row-major (`generated_tokens`). */
export function janusDecoderFeed(block: { readonly codes: Int32Array }): Tensor<'int64'> {
  return { type: 'int64', dims: [1, block.codes.length], data: BigInt64Array.from(block.codes, (c) => BigInt(c)) };
}
