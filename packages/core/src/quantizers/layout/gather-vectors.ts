import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { Tensor } from '../../tensor/tensor.js';
import type { ChannelAxis } from '../quantizer.js';

/** Latents rearranged as `count` channel-last vectors, with the batch/spatial shape they came from. */
export interface GatheredVectors {
  readonly vectors: Float32Array;
  readonly count: number;
  /** `[B, ...spatial]`: the input shape without its channel axis. */
  readonly batchShape: readonly number[];
}

/**
 * Turns a latent tensor into channel-last vectors. With `channelAxis: 'first'` the tensor is
 * `[B, C, ...]`, otherwise `[..., C]`. Checks the channel count against `dim`.
 */
export function gatherVectors(latents: Tensor<'float32'>, dim: number, channelAxis: ChannelAxis): GatheredVectors {
  if (latents === null || typeof latents !== 'object' || !(latents.data instanceof Float32Array)) {
    throw new InvalidArgumentError({ argument: 'latents', expected: 'a float32 tensor { type, dims, data: Float32Array }', received: latents });
  }
  const dims = latents.dims;
  const minRank = channelAxis === 'first' ? 2 : 1;
  const axis = channelAxis === 'first' ? 1 : dims.length - 1;
  if (dims.length < minRank || dims[axis] !== dim) {
    throw new ShapeMismatchError({
      argument: 'latents',
      expected: channelAxis === 'first' ? `[B, ${dim}, ...] (channels first)` : `[..., ${dim}] (channels last)`,
      received: dims,
    });
  }
  let expectedLength = 1;
  for (const d of dims) expectedLength *= d;
  if (latents.data.length !== expectedLength) {
    throw new ShapeMismatchError({ argument: 'latents.data', expected: `${expectedLength} elements for dims [${dims.join(', ')}]`, received: latents.data.length });
  }
  const batchShape = dims.filter((_, i) => i !== axis);
  const count = expectedLength / Math.max(dim, 1);
  if (channelAxis === 'last' || dims.length === 2) return { vectors: latents.data, count, batchShape };
  // [B, C, S] -> [B, S, C]
  const batch = dims[0]!;
  const inner = count / batch;
  const vectors = new Float32Array(latents.data.length);
  const src = latents.data;
  for (let b = 0; b < batch; b++) {
    const base = b * dim * inner;
    for (let c = 0; c < dim; c++) {
      const row = base + c * inner;
      for (let s = 0; s < inner; s++) vectors[base + s * dim + c] = src[row + s]!;
    }
  }
  return { vectors, count, batchShape };
}

/** The inverse of {@link gatherVectors}: channel-last vectors back into a tensor with the given channel axis. */
export function scatterVectors(vectors: Float32Array, batchShape: readonly number[], dim: number, channelAxis: ChannelAxis): Tensor<'float32'> {
  if (channelAxis === 'last' || batchShape.length <= 1) {
    const dims = channelAxis === 'last' ? [...batchShape, dim] : [batchShape[0] ?? 1, dim];
    return { type: 'float32', dims, data: vectors };
  }
  const batch = batchShape[0]!;
  const inner = vectors.length / dim / batch;
  const data = new Float32Array(vectors.length);
  for (let b = 0; b < batch; b++) {
    const base = b * dim * inner;
    for (let s = 0; s < inner; s++) {
      const v = base + s * dim;
      for (let c = 0; c < dim; c++) data[base + c * inner + s] = vectors[v + c]!;
    }
  }
  return { type: 'float32', dims: [batch, dim, ...batchShape.slice(1)], data };
}
