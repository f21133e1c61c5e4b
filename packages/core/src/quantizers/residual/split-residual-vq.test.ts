import { describe, expect, it } from 'vitest';
import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';
import { WeightsMismatchError } from '../../errors/weights-mismatch-error.js';
import type { Tensor } from '../../tensor/tensor.js';
import { createQuantizer } from '../create-quantizer.js';
import type { QuantizerSpec, QuantizerWeights } from '../quantizer.js';
import { thrown } from '../../__fixtures__/thrown.js';

const f32 = (dims: number[], values: number[]): Tensor<'float32'> => ({ type: 'float32', dims, data: Float32Array.from(values) });
const i32 = (dims: number[], values: number[]): Tensor<'int32'> => ({ type: 'int32', dims, data: Int32Array.from(values) });

/**
 * Mimi-style split RVQ in 2-D with codebookDim 1, 1 semantic + 2 acoustic stages.
 * Semantic: input_proj picks x0, output_proj writes channel 0; rows 0, 4.
 * Acoustic: input_proj sums x0 + x1, output_proj writes channel 1; stage rows 0, 6 and 0, 0.25 (Moshi's
 * embedding_sum / cluster_usage: 0.5 / 2).
 */
const weights: QuantizerWeights = {
  'rvq_first.input_proj.weight': f32([1, 2, 1], [1, 0]),
  'rvq_first.output_proj.weight': f32([2, 1, 1], [1, 0]),
  'rvq_first.vq.layers.0._codebook.embedding_sum': f32([2, 1], [0, 4]),
  'rvq_first.vq.layers.0._codebook.cluster_usage': f32([2], [1, 1]),
  'rvq_rest.input_proj.weight': f32([1, 2, 1], [1, 1]),
  'rvq_rest.output_proj.weight': f32([2, 1, 1], [0, 1]),
  'rvq_rest.vq.layers.0._codebook.embedding_sum': f32([2, 1], [0, 6]),
  'rvq_rest.vq.layers.0._codebook.cluster_usage': f32([2], [1, 1]),
  'rvq_rest.vq.layers.1._codebook.embedding_sum': f32([2, 1], [0, 0.5]),
  'rvq_rest.vq.layers.1._codebook.cluster_usage': f32([2], [1, 2]),
};
const spec: QuantizerSpec = { type: 'split-residual-vq', numQuantizers: 3, codebookSize: 2, dim: 2, codebookDim: 1 };

// x = (3.5, 2.75) as [B=1, D=2, T=1]. Semantic: 3.5 -> row 4 (1). Acoustic sees the same x (not x minus
// the semantic output): 6.25 -> row 6 (1), residual 0.25 -> row 0.25 (1). Output (4, 6.25).
// Had the acoustic part seen x - (4, 0) = (-0.5, 2.75), it would have picked row 0 at stage 0.
const x = f32([1, 2, 1], [3.5, 2.75]);

describe('split-residual-vq (Mimi)', () => {
  it('quantizes the same input with both parts and concatenates codes semantic first', () => {
    const q = createQuantizer(spec, weights);
    const codes = q.encode(x);
    expect(codes.dims).toEqual([1, 3, 1]);
    expect(Array.from(codes.data as Int32Array)).toEqual([1, 1, 1]);
    expect(Array.from(q.decode(codes).data)).toEqual([4, 6.25]);
  });

  it('keeps the first numQuantizers codes (set_num_codebooks)', () => {
    const q = createQuantizer(spec, weights);
    const two = q.encode(x, { numQuantizers: 2 });
    expect(Array.from(two.data as Int32Array)).toEqual([1, 1]);
    expect(Array.from(q.decode(two).data)).toEqual([4, 6]);
    const one = q.encode(x, { numQuantizers: 1 });
    expect(Array.from(one.data as Int32Array)).toEqual([1]);
    expect(Array.from(q.decode(one).data)).toEqual([4, 0]);
  });

  it('reads names under weightPrefix', () => {
    const prefixed = Object.fromEntries(Object.entries(weights).map(([name, value]) => [`quantizer.${name}`, value]));
    const q = createQuantizer({ ...spec, weightPrefix: 'quantizer.' }, prefixed);
    expect(Array.from(q.encode(x).data as Int32Array)).toEqual([1, 1, 1]);
  });

  it('reads channel-last input when asked', () => {
    const q = createQuantizer({ ...spec, channelAxis: 'last', indexLayout: 'tokens-streams' }, weights);
    const codes = q.encode(f32([1, 2, 2], [3.5, 2.75, 0, 0]));
    expect(codes.dims).toEqual([1, 2, 3]);
    expect(Array.from(codes.data as Int32Array)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(Array.from(q.decode(codes).data)).toEqual([4, 6.25, 0, 0]);
  });
});

describe('split-residual-vq errors', () => {
  it('names bad spec fields', () => {
    for (const [overrides, path] of [
      [{ numQuantizers: 1 }, 'numQuantizers'],
      [{ numSemantic: 3 }, 'numSemantic'],
      [{ codebookDim: undefined }, 'codebookDim'],
      [{ outputDim: -2 }, 'outputDim'],
    ] as Array<[Partial<QuantizerSpec>, string]>) {
      const error = thrown(() => createQuantizer({ ...spec, ...overrides }, weights));
      expect(InvalidSpecError.isInstance(error), path).toBe(true);
      expect((error as InvalidSpecError).path).toBe(path);
    }
  });

  it('names missing weights', () => {
    const { 'rvq_rest.input_proj.weight': _, ...noProjection } = weights;
    expect(() => createQuantizer(spec, noProjection)).toThrow(WeightsMismatchError);
    expect(() => createQuantizer(spec, noProjection)).toThrow(/rvq_rest\.input_proj\.weight/);
    const { 'rvq_rest.vq.layers.1._codebook.cluster_usage': __, ...noUsage } = weights;
    expect(() => createQuantizer(spec, noUsage)).toThrow(/cluster_usage/);
  });

  it('rejects bad latents and codes', () => {
    const q = createQuantizer(spec, weights);
    expect(() => q.encode(f32([1, 2, 1], [Number.NaN, 0]))).toThrow(NonFiniteValueError);
    expect(() => q.decode(i32([1, 3, 1], [0, 2, 0]))).toThrow(CodeOutOfRangeError);
  });
});
