import { describe, expect, it } from 'vitest';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { WeightsMismatchError } from '../../errors/weights-mismatch-error.js';
import type { Tensor } from '../../tensor/tensor.js';
import { createQuantizer } from '../create-quantizer.js';
import type { QuantizerSpec } from '../quantizer.js';

const f32 = (dims: number[], values: number[]): Tensor<'float32'> => ({ type: 'float32', dims, data: Float32Array.from(values) });
const codesOf = (t: Tensor<'int32' | 'int64'>): number[] => Array.from(t.data as Int32Array, Number);

// Group 0 rows: (0,0), (1,1), (5,5); group 1 rows: (0,0), (-1,0), (0,-9).
const groupRows = [
  [0, 0, 1, 1, 5, 5],
  [0, 0, -1, 0, 0, -9],
];
const spec: QuantizerSpec = { type: 'grouped-vq', groups: 2, codebookSize: 3, dim: 4 };
const stacked = { codebooks: f32([2, 3, 2], [...groupRows[0]!, ...groupRows[1]!]) };
const separate = { 'codebooks.0': f32([3, 2], groupRows[0]!), 'codebooks.1': f32([3, 2], groupRows[1]!) };

describe("createQuantizer({ type: 'grouped-vq' })", () => {
  it('gives one code per group, group 0 first (hand-computed), from either weight form', () => {
    // (0.9, 1.2 | -0.8, 0.1) -> (1, 1); (4, 4 | 0, -5) -> (2, 2); (0.5, 0.5 | -0.5, 0) -> midpoints: (0, 0).
    const latents = f32([3, 4], [0.9, 1.2, -0.8, 0.1, 4, 4, 0, -5, 0.5, 0.5, -0.5, 0]);
    for (const weights of [stacked, separate]) {
      const vq = createQuantizer(spec, weights);
      const codes = vq.encode(latents);
      expect(codes.dims).toEqual([3, 2]);
      expect(codesOf(codes)).toEqual([1, 1, 2, 2, 0, 0]);
      expect(Array.from(vq.decode(codes).data)).toEqual([1, 1, -1, 0, 5, 5, 0, -9, 0, 0, 0, 0]);
    }
  });

  it('reads channel-first latents and can lay the groups out as streams after the batch axis', () => {
    const vq = createQuantizer({ ...spec, channelAxis: 'first', indexLayout: 'streams-after-batch' }, stacked);
    // [1, 4, 2]: vector 0 = (0.9, 1.2, -0.8, 0.1), vector 1 = (4, 4, 0, -5).
    const codes = vq.encode(f32([1, 4, 2], [0.9, 4, 1.2, 4, -0.8, 0, 0.1, -5]));
    expect(codes.dims).toEqual([1, 2, 2]);
    expect(codesOf(codes)).toEqual([1, 2, 1, 2]);
    const decoded = vq.decode(codes);
    expect(decoded.dims).toEqual([1, 4, 2]);
    expect(Array.from(decoded.data)).toEqual([1, 5, 1, 5, -1, 0, 0, -9]);
  });

  it('normalises each group on its own with metric "cosine"', () => {
    const weights = { codebooks: f32([2, 2, 2], [1, 0, 0, 1, 1, 0, 0, 1]) };
    const vq = createQuantizer({ type: 'grouped-vq', groups: 2, codebookSize: 2, dim: 4, metric: 'cosine' }, weights);
    // Group 0 (100, 1) points along row 0; group 1 (0.001, 0.002) along row 1, whatever its length.
    expect(codesOf(vq.encode(f32([1, 4], [100, 1, 0.001, 0.002])))).toEqual([0, 1]);
  });

  it('equals plain VQ with one group', () => {
    const rows = [0, 0, 2, 1, -1, 3];
    const latents = f32([3, 2], [1.2, 0.4, -0.5, 1.4, 0, 0]);
    const grouped = createQuantizer({ type: 'grouped-vq', groups: 1, codebookSize: 3, dim: 2 }, { 'codebooks.0': f32([3, 2], rows) });
    const plain = createQuantizer({ type: 'vq', codebookSize: 3, dim: 2 }, { codebook: f32([3, 2], rows) });
    expect(codesOf(grouped.encode(latents))).toEqual(codesOf(plain.encode(latents)));
  });

  it('rejects bad specs, weights and codes', () => {
    expect(() => createQuantizer({ ...spec, groups: 3 }, stacked)).toThrow(InvalidSpecError);
    expect(() => createQuantizer({ ...spec, groups: 0 }, stacked)).toThrow(/groups/);
    expect(() => createQuantizer({ ...spec, groups: undefined } as unknown as QuantizerSpec, stacked)).toThrow(/groups/);
    expect(() => createQuantizer(spec, { codebooks: f32([2, 2, 2], [0, 0, 0, 0, 0, 0, 0, 0]) })).toThrow(WeightsMismatchError);
    expect(() => createQuantizer(spec, { 'codebooks.0': separate['codebooks.0'] })).toThrow(/codebooks\.1/);
    const vq = createQuantizer(spec, stacked);
    expect(() => vq.encode(f32([1, 3], [0, 0, 0]))).toThrow(ShapeMismatchError);
    // One code per vector where two groups need two.
    expect(() => vq.decode({ type: 'int32', dims: [2, 1], data: Int32Array.from([0, 1]) })).toThrow(ShapeMismatchError);
  });
});
