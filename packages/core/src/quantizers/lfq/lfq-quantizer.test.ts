import { describe, expect, it } from 'vitest';
import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
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
const ints = (dims: number[], values: number[]): Tensor<'int32'> => ({ type: 'int32', dims, data: Int32Array.from(values) });
const lfq = (fields: Omit<QuantizerSpec, 'type'>, weights = {}) => createQuantizer({ type: 'lfq', ...fields }, weights);

describe('lfq: lucidrains LFQ (msb-first)', () => {
  it('packs the signs of a channel-last token with channel 0 as the most significant bit', () => {
    const quantizer = lfq({ dim: 3 });
    expect(quantizer.codebookSize).toBe(8);
    // token 0: bits 1 1 0 → 4 + 2 = 6; token 1: bits 0 0 1 → 1
    const codes = quantizer.encode(floats([1, 2, 3], [0.5, 2, -1, -0.5, 0, 3]));
    expect(codes.dims).toEqual([1, 2]);
    expect(numbers(codes)).toEqual([6, 1]);
    expect(numbers(quantizer.decode(codes))).toEqual([1, 1, -1, -1, -1, 1]);
  });

  it('reads channel-first images and decodes them back channel first', () => {
    const quantizer = lfq({ dim: 3, channelAxis: 'first' });
    // [B=1, C=3, H=1, W=2]: pixel 0 = (0.5, 2, -1) → 6, pixel 1 = (-0.5, 0, 3) → 1
    const codes = quantizer.encode(floats([1, 3, 1, 2], [0.5, -0.5, 2, 0, -1, 3]));
    expect(codes.dims).toEqual([1, 1, 2]);
    expect(numbers(codes)).toEqual([6, 1]);
    const decoded = quantizer.decode(codes);
    expect(decoded.dims).toEqual([1, 3, 1, 2]);
    expect(numbers(decoded)).toEqual([1, -1, 1, -1, -1, 1]);
  });

  it('splits channels (c d) into codebooks and keeps the codebook axis', () => {
    const quantizer = lfq({ dim: 4, codebookSize: 4, numCodebooks: 2 });
    expect(quantizer.numCodebooks).toBe(2);
    // codebook 0 = (1, −1) → 2, codebook 1 = (−1, 1) → 1
    const codes = quantizer.encode(floats([1, 1, 4], [1, -1, -1, 1]));
    expect(codes.dims).toEqual([1, 1, 2]);
    expect(numbers(codes)).toEqual([2, 1]);
    expect(numbers(quantizer.decode(codes))).toEqual([1, -1, -1, 1]);
  });

  it('decodes to ±codebookScale', () => {
    const quantizer = lfq({ dim: 2, codebookScale: 0.5 });
    expect(Array.from(quantizer.decode(ints([1], [2])).data)).toEqual([0.5, -0.5]);
  });

  it('spherical: decodes to ±scale/√bits and keeps the sign through normalisation', () => {
    const quantizer = lfq({ dim: 4, spherical: true, codebookScale: 2 });
    // codes ±2 normalised to ±1/2, times scale 2 → ±1
    expect(Array.from(quantizer.decode(ints([1], [9])).data)).toEqual([1, -1, -1, 1]);
    const plain = lfq({ dim: 4, spherical: true });
    expect(Array.from(plain.decode(ints([1], [9])).data)).toEqual([0.5, -0.5, -0.5, 0.5]);
    expect(numbers(plain.encode(floats([1, 4], [3, -1, -0, 2])))).toEqual([9]);
  });

  it('spherical: a norm that overflows float32 zeroes the vector, so every bit is 0 (as the reference does)', () => {
    const huge = floats([1, 4], [1e20, 1e20, 1e20, 1e20]); // (1e20)² overflows float32
    expect(numbers(lfq({ dim: 4, spherical: true }).encode(huge))).toEqual([0]);
    expect(numbers(lfq({ dim: 4 }).encode(huge))).toEqual([15]);
  });

  it('projects in and out with nn.Linear weights', () => {
    const weights = {
      'project_in.weight': floats([1, 2], [1, -1]),
      'project_in.bias': floats([1], [0.5]),
      'project_out.weight': floats([2, 1], [2, 3]),
      'project_out.bias': floats([2], [0.1, -0.1]),
    };
    const quantizer = lfq({ dim: 2, codebookSize: 2 }, weights);
    // z = x0 − x1 + 0.5: (1, 2) → −0.5 → 0; (2, 1) → 1.5 → 1
    const codes = quantizer.encode(floats([2, 2], [1, 2, 2, 1]));
    expect(numbers(codes)).toEqual([0, 1]);
    // q = −1 → (−2 + 0.1, −3 − 0.1); q = +1 → (2 + 0.1, 3 − 0.1)
    expect(numbers(quantizer.decode(codes))).toEqual([-1.9, -3.1, 2.1, 2.9].map(Math.fround));
  });

  it('spherical after a projection that overflows to ∞: the ∞/∞ = NaN channel gives bit 0 (NaN > 0 is false)', () => {
    const weights = { 'project_in.weight': floats([2, 2], [1, 1, 1, -1]), 'project_out.weight': floats([2, 2], [1, 0, 0, 1]) };
    const quantizer = lfq({ dim: 2, codebookSize: 4, spherical: true, hasProjections: true, projectionHasBias: false }, weights);
    // z = (3e38 + 3e38, 3e38 − 3e38) = (∞, 0) in float32; normalised (NaN, 0): bits 0 0. (2, −1) gives bits 1 1.
    expect(numbers(quantizer.encode(floats([2, 2], [3e38, 3e38, 2, -1])))).toEqual([0, 3]);
  });

  it('projects without bias when projectionHasBias is false', () => {
    const weights = { 'project_in.weight': floats([1, 2], [1, 1]), 'project_out.weight': floats([2, 1], [1, -1]) };
    const quantizer = lfq({ dim: 2, codebookSize: 2, projectionHasBias: false }, weights);
    expect(numbers(quantizer.encode(floats([1, 2], [0.25, -0.5])))).toEqual([0]);
    expect(Array.from(quantizer.decode(ints([1], [1])).data)).toEqual([1, -1]);
  });

  it('decode then encode gives the same codes, and the decoded signs are the input signs', () => {
    const values = Array.from({ length: 6 * 10 }, (_, i) => Math.sin(i * 12.9898) * 3);
    const quantizer = lfq({ dim: 10 });
    const codes = quantizer.encode(floats([6, 10], values));
    const decoded = quantizer.decode(codes);
    decoded.data.forEach((v, i) => expect(v).toBe(values[i]! > 0 ? 1 : -1));
    expect(numbers(quantizer.encode(decoded))).toEqual(numbers(codes));
  });
});

describe('lfq: Open-MAGVIT2 LFQ (lsb-first)', () => {
  it('reads channel 0 as the least significant bit', () => {
    const quantizer = lfq({ codebookSize: 8, bitOrder: 'lsb-first' });
    // bits 1 1 0 → 1 + 2 = 3
    expect(numbers(quantizer.encode(floats([1, 3], [0.5, 2, -1])))).toEqual([3]);
    expect(Array.from(quantizer.decode(ints([1], [3])).data)).toEqual([1, 1, -1]);
  });

  it('factorizes a token into one code per part: pre = Σ_{d<2} bit_d·2^d, post = Σ_{d≥2} bit_d·2^(d−2)', () => {
    const quantizer = lfq({ codebookSize: 16, bitOrder: 'lsb-first', factorizedBits: [2, 2] });
    expect(quantizer.numCodebooks).toBe(2);
    expect(quantizer.codebookSize).toBe(4);
    // bits 1 0 0 1 → pre 1, post 2
    const codes = quantizer.encode(floats([1, 4], [1, -1, -1, 1]));
    expect(numbers(codes)).toEqual([1, 2]);
    expect(numbers(quantizer.decode(codes))).toEqual([1, -1, -1, 1]);
  });

  it('returns flat indices and decodes them with the batch shape', () => {
    const quantizer = lfq({ codebookSize: 4, bitOrder: 'lsb-first', channelAxis: 'first', indexLayout: 'flat' });
    // [B=1, C=2, H=1, W=2]: pixel 0 = (1, −1) → 1, pixel 1 = (−1, 1) → 2
    const codes = quantizer.encode(floats([1, 2, 1, 2], [1, -1, -1, 1]));
    expect(codes.dims).toEqual([2]);
    expect(numbers(codes)).toEqual([1, 2]);
    const decoded = quantizer.decode(codes, { batchShape: [1, 1, 2] });
    expect(decoded.dims).toEqual([1, 2, 1, 2]);
    expect(numbers(decoded)).toEqual([1, -1, -1, 1]);
  });
});

describe('lfq: bad input', () => {
  it('rejects bad spec fields, naming them', () => {
    const fieldOf = (fields: Record<string, unknown>): string | undefined => {
      try {
        lfq(fields);
      } catch (error) {
        expect(InvalidSpecError.isInstance(error)).toBe(true);
        return (error as InvalidSpecError).path;
      }
      return undefined;
    };
    expect(fieldOf({})).toBe('codebookSize');
    expect(fieldOf({ codebookSize: 1000 })).toBe('codebookSize');
    expect(fieldOf({ codebookSize: 1 })).toBe('codebookSize');
    expect(fieldOf({ codebookSize: 2 ** 54 })).toBe('codebookSize');
    expect(fieldOf({ dim: 54 })).toBe('dim');
    expect(fieldOf({ dim: 0 })).toBe('dim');
    expect(fieldOf({ dim: 4, numCodebooks: 0 })).toBe('numCodebooks');
    expect(fieldOf({ dim: 4, bitOrder: 'big-endian' })).toBe('bitOrder');
    expect(fieldOf({ dim: 4, factorizedBits: [2, 1] })).toBe('factorizedBits');
    expect(fieldOf({ dim: 4, factorizedBits: [4, 0] })).toBe('factorizedBits[1]');
    expect(fieldOf({ dim: 4, codebookScale: 0 })).toBe('codebookScale');
    expect(fieldOf({ dim: 4, codebookScale: -1 })).toBe('codebookScale');
    expect(fieldOf({ dim: 4, codebookScale: 1e-50 })).toBe('codebookScale');
    expect(fieldOf({ dim: 4, spherical: 'yes' })).toBe('spherical');
    expect(fieldOf({ dim: 6, codebookSize: 16, hasProjections: false })).toBe('hasProjections');
  });

  it('rejects missing, misshapen and unexpected weights, naming them', () => {
    const good = {
      'project_in.weight': floats([2, 3], [1, 0, 0, 0, 1, 0]),
      'project_in.bias': floats([2], [0, 0]),
      'project_out.weight': floats([3, 2], [1, 0, 0, 1, 0, 0]),
      'project_out.bias': floats([3], [0, 0, 0]),
    };
    expect(lfq({ dim: 3, codebookSize: 4 }, good).outputDim).toBe(3);
    const weightOf = (fields: Record<string, unknown>, weights: Record<string, Tensor<'float32'>>): string | undefined => {
      try {
        lfq(fields, weights);
      } catch (error) {
        expect(WeightsMismatchError.isInstance(error)).toBe(true);
        return (error as WeightsMismatchError).weight;
      }
      return undefined;
    };
    const { 'project_in.weight': _missing, ...withoutIn } = good;
    expect(weightOf({ dim: 3, codebookSize: 4 }, withoutIn)).toBe('project_in.weight');
    expect(weightOf({ dim: 3, codebookSize: 4 }, { ...good, 'project_out.weight': floats([2, 3], [0, 0, 0, 0, 0, 0]) })).toBe('project_out.weight');
    expect(weightOf({ dim: 3, codebookSize: 4 }, { ...good, 'project_in.bias': floats([3], [0, 0, 0]) })).toBe('project_in.bias');
    expect(weightOf({ dim: 3, codebookSize: 4, projectionHasBias: false }, good)).toBe('project_in.bias');
    expect(weightOf({ dim: 2 }, { 'project_in.weight': floats([2, 2], [1, 0, 0, 1]) })).toBe('project_in.weight');
  });

  it('rejects NaN and infinite latents', () => {
    const quantizer = lfq({ dim: 2 });
    expect(() => quantizer.encode(floats([1, 2], [Number.NaN, 1]))).toThrow(NonFiniteValueError);
    expect(() => quantizer.encode(floats([1, 2], [1, -Infinity]))).toThrow(NonFiniteValueError);
    expect(() => quantizer.encodeVectors(Float32Array.from([1, Number.NaN]), 1)).toThrow(NonFiniteValueError);
  });

  it('rejects latents of the wrong shape', () => {
    const quantizer = lfq({ dim: 3 });
    expect(() => quantizer.encode(floats([1, 2], [1, 1]))).toThrow(ShapeMismatchError);
    expect(() => quantizer.encodeVectors(Float32Array.from([1, 1, 1, 1]), 1)).toThrow(ShapeMismatchError);
    expect(() => quantizer.encodeVectors(new Int32Array(3) as never, 1)).toThrow(InvalidArgumentError);
  });

  it('rejects residual-only options', () => {
    expect(() => lfq({ dim: 2 }).encode(floats([1, 2], [1, 1]), { numQuantizers: 1 })).toThrow(InvalidArgumentError);
  });

  it('rejects codes out of range on decode', () => {
    const quantizer = lfq({ dim: 3 });
    expect(() => quantizer.decode(ints([2], [7, 8]))).toThrow(CodeOutOfRangeError);
    expect(() => quantizer.decode(ints([1], [-1]))).toThrow(CodeOutOfRangeError);
    expect(() => quantizer.decodeVectors(Float64Array.from([2.5]), 1, 1)).toThrow(CodeOutOfRangeError);
    const factorized = lfq({ codebookSize: 8, factorizedBits: [1, 2] });
    // part 0 has 1 bit: code 2 is out of its range even though the widest part allows 4 codes
    expect(() => factorized.decodeVectors(Int32Array.from([2, 0]), 1, 2)).toThrow(CodeOutOfRangeError);
  });
});
