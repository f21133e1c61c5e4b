import { describe, expect, it } from 'vitest';
import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { WeightsMismatchError } from '../../errors/weights-mismatch-error.js';
import type { Tensor } from '../../tensor/tensor.js';
import { createQuantizer } from '../create-quantizer.js';
import type { QuantizerSpec } from '../quantizer.js';

/** A tensor's elements as plain numbers (codes may be int32 or int64). */
const numbers = (tensor: Tensor): number[] => Array.from(tensor.data as ArrayLike<number | bigint>, (v) => Number(v));
const floats = (dims: number[], values: number[]): Tensor<'float32'> => ({ type: 'float32', dims, data: Float32Array.from(values) });
const bsq = (fields: Omit<QuantizerSpec, 'type'>, weights = {}) => createQuantizer({ type: 'bsq', ...fields }, weights);

/** A [1, 1, D] token with +1 on the channels in `ones` and −1 elsewhere. */
function token(dim: number, ones: readonly number[]): Tensor<'float32'> {
  const data = new Float32Array(dim).fill(-1);
  for (const d of ones) data[d] = 1;
  return { type: 'float32', dims: [1, 1, dim], data };
}

describe('bsq: bsq-vit BinarySphericalQuantizer', () => {
  it('indexes channel 0 as the most significant bit and decodes to ±1/√D with l2Norm', () => {
    const quantizer = bsq({ embedDim: 4, l2Norm: true });
    // bits 1 0 0 1 (0 gives 0) → 8 + 1 = 9
    const codes = quantizer.encode(floats([1, 1, 4], [0.3, -0.2, 0, 5]));
    expect(codes.dims).toEqual([1, 1]);
    expect(numbers(codes)).toEqual([9]);
    expect(numbers(quantizer.decode(codes))).toEqual([0.5, -0.5, -0.5, 0.5]);
    expect(numbers(bsq({ embedDim: 4 }).decode(codes))).toEqual([1, -1, -1, 1]);
  });

  it('gives group indices, MSB-first within each group, and decodes them', () => {
    const quantizer = bsq({ embedDim: 4, groupSize: 2, indexMode: 'groups' });
    // groups (1, 0) → 2 and (0, 1) → 1
    const codes = quantizer.encode(floats([1, 1, 4], [0.3, -0.2, 0, 5]));
    expect(codes.dims).toEqual([1, 1, 2]);
    expect(numbers(codes)).toEqual([2, 1]);
    expect(numbers(quantizer.decode(codes))).toEqual([1, -1, -1, 1]);
  });

  it('reads bchw input and decodes back to [B, D, H, W]', () => {
    const quantizer = bsq({ embedDim: 2, channelAxis: 'first' });
    // [1, 2, 1, 2]: pixel 0 = (1, −1) → 2, pixel 1 = (−1, 1) → 1
    const codes = quantizer.encode(floats([1, 2, 1, 2], [1, -1, -1, 1]));
    expect(codes.dims).toEqual([1, 1, 2]);
    expect(numbers(codes)).toEqual([2, 1]);
    const decoded = quantizer.decode(codes);
    expect(decoded.dims).toEqual([1, 2, 1, 2]);
    expect(numbers(decoded)).toEqual([1, -1, -1, 1]);
  });

  it('D = 36: the index is the exact integer, returned as int64, where a float32 sum is not', () => {
    const quantizer = bsq({ embedDim: 36, groupSize: 9, l2Norm: true });
    // Channels 0, 18 and 35 set: 2^35 + 2^17 + 2^0.
    const codes = quantizer.encode(token(36, [0, 18, 35]));
    expect(codes.type).toBe('int64');
    expect(Array.from(codes.data as BigInt64Array)).toEqual([34359869441n]);
    // bsq-vit's float32 sum cannot hold this value: its index would be off.
    expect(Math.fround(34359869441)).not.toBe(34359869441);
    expect(Array.from(quantizer.encode(token(36, Array.from({ length: 36 }, (_, d) => d))).data as BigInt64Array)).toEqual([68719476735n]);
  });

  it('D = 36: matches Σ bit_d·2^(35−d) (BigInt) on many sign patterns, and decodes each back to its signs', () => {
    const quantizer = bsq({ embedDim: 36, l2Norm: true });
    const count = 40;
    const data = new Float32Array(count * 36);
    const expected: bigint[] = [];
    for (let n = 0; n < count; n++) {
      let index = 0n;
      for (let d = 0; d < 36; d++) {
        const value = Math.sin(n * 36 + d + 0.5) * 10;
        data[n * 36 + d] = value;
        if (Math.fround(value) > 0) index += 1n << BigInt(35 - d);
      }
      expected.push(index);
    }
    const codes = quantizer.encode({ type: 'float32', dims: [count, 36], data });
    expect(Array.from(codes.data as BigInt64Array)).toEqual(expected);
    const decoded = quantizer.decode(codes);
    const scale = Math.fround(1 / 6);
    decoded.data.forEach((v, i) => expect(v).toBe(data[i]! > 0 ? scale : -scale));
    const vectorCodes = quantizer.encodeVectors(data, count);
    expect(vectorCodes).toBeInstanceOf(Float64Array);
    expect(Array.from(vectorCodes, (v) => BigInt(v))).toEqual(expected);
  });

  it('D = 36: group indices of 9 bits', () => {
    const quantizer = bsq({ embedDim: 36, groupSize: 9, indexMode: 'groups' });
    // channel 0 → 2^8 in group 0; channel 18 → 2^8 in group 2; channel 35 → 2^0 in group 3
    const codes = quantizer.encode(token(36, [0, 18, 35]));
    expect(codes.type).toBe('int32');
    expect(numbers(codes)).toEqual([256, 0, 256, 1]);
    expect(numbers(quantizer.decode(codes))).toEqual(Array.from(token(36, [0, 18, 35]).data));
  });
});

describe('bsq: bad input', () => {
  it('rejects bad spec fields, naming them', () => {
    const fieldOf = (fields: Record<string, unknown>): string | undefined => {
      try {
        bsq(fields);
      } catch (error) {
        expect(InvalidSpecError.isInstance(error)).toBe(true);
        return (error as InvalidSpecError).path;
      }
      return undefined;
    };
    expect(fieldOf({})).toBe('embedDim');
    expect(fieldOf({ embedDim: 0 })).toBe('embedDim');
    expect(fieldOf({ embedDim: 54 })).toBe('embedDim');
    expect(fieldOf({ embedDim: 18, groupSize: 5 })).toBe('groupSize');
    expect(fieldOf({ embedDim: 18, groupSize: 36 })).toBe('groupSize');
    expect(fieldOf({ embedDim: 18, indexMode: 'bits' })).toBe('indexMode');
    expect(fieldOf({ embedDim: 18, l2Norm: 1 })).toBe('l2Norm');
  });

  it('rejects weights: bsq has none', () => {
    expect(() => bsq({ embedDim: 4 }, { codebook: new Float32Array(4) })).toThrow(WeightsMismatchError);
  });

  it('rejects NaN, infinite and misshapen latents', () => {
    const quantizer = bsq({ embedDim: 2 });
    expect(() => quantizer.encode(floats([1, 2], [Number.NaN, 1]))).toThrow(NonFiniteValueError);
    expect(() => quantizer.encode(floats([1, 2], [Infinity, 1]))).toThrow(NonFiniteValueError);
    expect(() => quantizer.encode(floats([1, 3], [1, 1, 1]))).toThrow(ShapeMismatchError);
  });

  it('rejects codes out of range, also past 2^31', () => {
    const wide = bsq({ embedDim: 36 });
    expect(() => wide.decode({ type: 'int64', dims: [1], data: BigInt64Array.from([2n ** 36n]) })).toThrow(CodeOutOfRangeError);
    expect(() => wide.decode({ type: 'int64', dims: [1], data: BigInt64Array.from([-1n]) })).toThrow(CodeOutOfRangeError);
    expect(numbers(wide.decode({ type: 'int64', dims: [1], data: BigInt64Array.from([2n ** 36n - 1n]) }))).toEqual(new Array(36).fill(1));
    const groups = bsq({ embedDim: 18, groupSize: 9, indexMode: 'groups' });
    expect(() => groups.decode({ type: 'int32', dims: [1, 2], data: Int32Array.from([0, 512]) })).toThrow(CodeOutOfRangeError);
  });
});
