import type { Tensor } from '../../tensor/tensor.js';
import { readBoolean, readEnum } from '../spec/spec-fields.js';
import type {
  ChannelAxis,
  CodeArray,
  IndexLayout,
  Quantizer,
  QuantizerDecodeOptions,
  QuantizerEncodeAsyncOptions,
  QuantizerEncodeOptions,
  QuantizerOptions,
  QuantizerSpec,
  VectorQuantizerKernel,
} from '../quantizer.js';
import { assertNearestSearch } from '../search/assert-nearest-search.js';
import { runEncodeStepsAsync } from '../search/run-encode-steps.js';
import { arrangeCodes, collectCodes } from './arrange-codes.js';
import { withCallerIndex, withCallerIndexAsync } from './caller-index.js';
import { gatherVectors, scatterVectors } from './gather-vectors.js';

/**
 * Wraps a family's layout-free kernel into a {@link Quantizer}: gathers channel-first or
 * channel-last latents into vectors and lays the codes out as the spec's `indexLayout` says (and
 * back for `decode`). The kernel rejects NaN/Inf itself (its `encodeVectors` contract), so the
 * latents are scanned once. A kernel with `encodeSteps` gets its codebook searches run on
 * `options.nearestSearch` by `encodeAsync`; `encodeVectors` then runs the same steps in TypeScript.
 */
export function createLayoutQuantizer(spec: QuantizerSpec, kernel: VectorQuantizerKernel, options: QuantizerOptions = {}): Quantizer {
  const channelAxis = readEnum<ChannelAxis>(spec, 'channelAxis', ['first', 'last'], 'last');
  const decodeChannelAxis = readEnum<ChannelAxis>(spec, 'decodeChannelAxis', ['first', 'last'], channelAxis);
  const indexLayout = readEnum<IndexLayout>(spec, 'indexLayout', ['tokens-streams', 'streams-after-batch', 'streams-first', 'flat'], 'tokens-streams');
  const keepStreamAxis = readBoolean(spec, 'keepStreamAxis', false);
  assertNearestSearch(options.nearestSearch, 'options.nearestSearch');
  const wide = kernel.codebookSize > 2 ** 31;
  const arrange = (codes: CodeArray, count: number, batchShape: readonly number[]) =>
    arrangeCodes(codes, batchShape, count === 0 ? kernel.numCodebooks : codes.length / count, indexLayout, keepStreamAxis, wide);
  return {
    type: spec.type,
    spec,
    dim: kernel.dim,
    outputDim: kernel.outputDim,
    numCodebooks: kernel.numCodebooks,
    codebookSize: kernel.codebookSize,
    encodeVectors: (latents, count, encodeOptions) => kernel.encodeVectors(latents, count, encodeOptions),
    ...(kernel.encodeSteps === undefined ? {} : { encodeSteps: kernel.encodeSteps.bind(kernel) }),
    decodeVectors: (codes, count, codesPerVector) => kernel.decodeVectors(codes, count, codesPerVector),
    encode(latents: Tensor<'float32'>, encodeOptions: QuantizerEncodeOptions = {}) {
      const { vectors, count, batchShape } = gatherVectors(latents, kernel.dim, encodeOptions.channelAxis ?? channelAxis);
      return arrange(withCallerIndex(latents, () => kernel.encodeVectors(vectors, count, encodeOptions)), count, batchShape);
    },
    async encodeAsync(latents: Tensor<'float32'>, encodeOptions: QuantizerEncodeAsyncOptions = {}) {
      const { vectors, count, batchShape } = gatherVectors(latents, kernel.dim, encodeOptions.channelAxis ?? channelAxis);
      encodeOptions.signal?.throwIfAborted();
      const codes = await withCallerIndexAsync(latents, async () =>
        kernel.encodeSteps === undefined
          ? kernel.encodeVectors(vectors, count, encodeOptions)
          : runEncodeStepsAsync(kernel.encodeSteps(vectors, count, encodeOptions), encodeOptions.nearestSearch ?? options.nearestSearch, encodeOptions.signal),
      );
      return arrange(codes, count, batchShape);
    },
    decode(codesTensor: Tensor<'int32' | 'int64'>, options: QuantizerDecodeOptions = {}) {
      const { codes, count, streams, batchShape } = collectCodes(codesTensor, indexLayout, kernel.numCodebooks, kernel.codebookSize, keepStreamAxis, options.batchShape);
      const vectors = kernel.decodeVectors(codes, count, streams);
      return scatterVectors(vectors, batchShape, kernel.outputDim, options.channelAxis ?? decodeChannelAxis);
    },
  };
}

