import { describe, expect, it } from 'vitest';
import type { Tensor } from '../../src/tensor/tensor.js';
import { sampleFailures } from './check-sample.js';
import type { GoldenSample } from './golden-case.js';

const ints = (data: number[]) => ({ dtype: 'int64' as const, shape: [data.length], data });
const floats = (data: number[]) => ({ dtype: 'float32' as const, shape: [data.length], data });
const tensor = (data: number[]): Tensor => ({ type: 'float64', dims: [data.length], data: Float64Array.from(data) });

// A BSQ sample with D = 36: the reference's float32 index sum is wrong at position 1; its float output
// follows the wrong index.
const d36: GoldenSample = {
  name: 'd36',
  tags: [],
  input: floats([0, 0, 0]),
  indices: ints([5, 68719476735 - 4, 9]),
  output: floats([1, 2, 3]),
  extras: {
    exact_integer_index_from_sign_bits: ints([5, 68719476735, 9]),
    index_differs_from_exact_integer_mask: ints([0, 1, 0]),
  },
};

describe('golden sample comparison', () => {
  it('expects the exact index where the reference is known to be wrong, and skips its floats', () => {
    expect(sampleFailures(d36, { indices: tensor([5, 68719476735, 9]), output: tensor([9, 9, 9]) })).toEqual([]);
  });

  it('still fails a wrong index, at a masked position or not', () => {
    expect(sampleFailures(d36, { indices: tensor([5, 68719476735 - 4, 9]), output: tensor([1, 2, 3]) })).toEqual(['indices: [1] = 68719476731, reference 68719476735']);
    expect(sampleFailures(d36, { indices: tensor([6, 68719476735, 9]), output: tensor([1, 2, 3]) })).toHaveLength(1);
  });

  it('compares floats when no index is known to be wrong', () => {
    const clean: GoldenSample = { ...d36, extras: { ...d36.extras, index_differs_from_exact_integer_mask: ints([0, 0, 0]) } };
    const results = { indices: tensor([5, 68719476731, 9]), output: { type: 'float32', dims: [3], data: Float32Array.of(1, 2, 3.5) } as Tensor };
    expect(sampleFailures(clean, results)).toEqual([expect.stringMatching(/^output: /)]);
  });
});
