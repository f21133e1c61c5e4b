import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';
import type { Tensor } from '../../tensor/tensor.js';
import { readBoolean, readEnum } from '../spec/spec-fields.js';
import type { ChannelAxis, IndexLayout, Quantizer, QuantizerDecodeOptions, QuantizerEncodeOptions, QuantizerSpec, VectorQuantizerKernel } from '../quantizer.js';
import { arrangeCodes, collectCodes } from './arrange-codes.js';
import { gatherVectors, scatterVectors } from './gather-vectors.js';

/**
 * Wraps a family's layout-free kernel into a {@link Quantizer}: gathers channel-first or
 * channel-last latents into vectors, rejects NaN/Inf, and lays the codes out as the spec's
 * `indexLayout` says (and back for `decode`).
 */
export function createLayoutQuantizer(spec: QuantizerSpec, kernel: VectorQuantizerKernel): Quantizer {
  const channelAxis = readEnum<ChannelAxis>(spec, 'channelAxis', ['first', 'last'], 'last');
  const decodeChannelAxis = readEnum<ChannelAxis>(spec, 'decodeChannelAxis', ['first', 'last'], channelAxis);
  const indexLayout = readEnum<IndexLayout>(spec, 'indexLayout', ['tokens-streams', 'streams-after-batch', 'streams-first', 'flat'], 'tokens-streams');
  const keepStreamAxis = readBoolean(spec, 'keepStreamAxis', false);
  const wide = kernel.codebookSize > 2 ** 31;
  return {
    type: spec.type,
    spec,
    dim: kernel.dim,
    outputDim: kernel.outputDim,
    numCodebooks: kernel.numCodebooks,
    codebookSize: kernel.codebookSize,
    encodeVectors: (latents, count, options) => kernel.encodeVectors(latents, count, options),
    decodeVectors: (codes, count, codesPerVector) => kernel.decodeVectors(codes, count, codesPerVector),
    encode(latents: Tensor<'float32'>, options: QuantizerEncodeOptions = {}) {
      const { vectors, count, batchShape } = gatherVectors(latents, kernel.dim, options.channelAxis ?? channelAxis);
      assertFinite(vectors);
      const codes = kernel.encodeVectors(vectors, count, options);
      const streams = count === 0 ? kernel.numCodebooks : codes.length / count;
      return arrangeCodes(codes, batchShape, streams, indexLayout, keepStreamAxis, wide);
    },
    decode(codesTensor: Tensor<'int32' | 'int64'>, options: QuantizerDecodeOptions = {}) {
      const { codes, count, streams, batchShape } = collectCodes(codesTensor, indexLayout, kernel.numCodebooks, kernel.codebookSize, keepStreamAxis, options.batchShape);
      const vectors = kernel.decodeVectors(codes, count, streams);
      return scatterVectors(vectors, batchShape, kernel.outputDim, options.channelAxis ?? decodeChannelAxis);
    },
  };
}

function assertFinite(values: Float32Array): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v !== 0) throw new NonFiniteValueError({ argument: 'latents', index: i, value: v });
  }
}
