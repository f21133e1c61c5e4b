import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { WeightsMismatchError } from '../../errors/weights-mismatch-error.js';
import type { Tensor } from '../../tensor/tensor.js';
import { createQuantizer } from '../create-quantizer.js';
import type { QuantizerSpec } from '../quantizer.js';
import { createFsqQuantizer } from './create-fsq-quantizer.js';

const floats = (dims: number[], values: number[]): Tensor<'float32'> => ({ type: 'float32', dims, data: Float32Array.from(values) });
const ints = (dims: number[], values: number[]): Tensor<'int32'> => ({ type: 'int32', dims, data: Int32Array.from(values) });

describe('createFsqQuantizer', () => {
  it('is registered as type "fsq"', () => {
    const fsq = createQuantizer({ type: 'fsq', levels: [8, 5, 5, 5] });
    expect(fsq.type).toBe('fsq');
    expect(fsq.codebookSize).toBe(1000);
    expect(fsq.dim).toBe(4);
    expect(fsq.numCodebooks).toBe(1);
  });

  it('encodes channel-last [B, N, D] to [B, N] and decodes the codes', () => {
    const fsq = createFsqQuantizer({ type: 'fsq', levels: [8, 5, 5, 5] });
    // token 0: all zero → 500; token 1: saturated high → 999; token 2: saturated low → 0.
    const codes = fsq.encode(floats([1, 3, 4], [0, 0, 0, 0, 10, 10, 10, 10, -10, -10, -10, -10]));
    expect(codes.dims).toEqual([1, 3]);
    expect(Array.from(codes.data as Int32Array)).toEqual([500, 999, 0]);
    const decoded = fsq.decode(codes);
    expect(decoded.dims).toEqual([1, 3, 4]);
    expect(Array.from(decoded.data)).toEqual([0, 0, 0, 0, 0.75, 1, 1, 1, -1, -1, -1, -1]);
  });

  it('gives the same codes for channel-first [B, D, H, W] input and decodes channel first', () => {
    const last = createFsqQuantizer({ type: 'fsq', levels: [8, 5, 5, 5] });
    const first = createFsqQuantizer({ type: 'fsq', levels: [8, 5, 5, 5], channelAxis: 'first' });
    const tokens = [0.3, -1.2, 0.7, 2.5, -0.1, 0.05, -3, 1.1];
    const channelLast = floats([1, 1, 2, 4], tokens);
    // the same two tokens as [1, 4, 1, 2]
    const channelFirst = floats([1, 4, 1, 2], [0.3, -0.1, -1.2, 0.05, 0.7, -3, 2.5, 1.1]);
    const a = last.encode(channelLast);
    const b = first.encode(channelFirst);
    expect(b.dims).toEqual([1, 1, 2]);
    expect(Array.from(b.data as Int32Array)).toEqual(Array.from(a.data as Int32Array));
    const decoded = first.decode(b);
    expect(decoded.dims).toEqual([1, 4, 1, 2]);
    const decodedLast = last.decode(a).data;
    expect(Array.from(decoded.data)).toEqual([0, 4, 1, 5, 2, 6, 3, 7].map((i) => decodedLast[i]));
  });

  it('splits the latent as (c d) with numCodebooks and keeps a trailing codebook axis', () => {
    const fsq = createFsqQuantizer({ type: 'fsq', levels: [5, 3], numCodebooks: 2 });
    expect(fsq.dim).toBe(4);
    // codebook 0 sees [10, 10] → levels [4, 2] → 4 + 2·5 = 14; codebook 1 sees [0, −10] → [2, 0] → 2.
    const codes = fsq.encode(floats([1, 4], [10, 10, 0, -10]));
    expect(codes.dims).toEqual([1, 2]);
    expect(Array.from(codes.data as Int32Array)).toEqual([14, 2]);
    expect(Array.from(fsq.decode(codes).data)).toEqual([1, 1, 0, -1]);
  });

  it('keeps a size-1 codebook axis with keepStreamAxis', () => {
    const fsq = createFsqQuantizer({ type: 'fsq', levels: [5], keepStreamAxis: true });
    const codes = fsq.encode(floats([2, 1], [10, -10]));
    expect(codes.dims).toEqual([2, 1]);
    expect(fsq.decode(codes).dims).toEqual([2, 1]);
  });

  it('projects in and out with project_in / project_out when dim differs', () => {
    const weights = {
      'project_in.weight': floats([1, 2], [1, 1]),
      'project_in.bias': floats([1], [0]),
      'project_out.weight': floats([2, 1], [2, 3]),
      'project_out.bias': floats([2], [0.5, -0.5]),
    };
    const fsq = createFsqQuantizer({ type: 'fsq', levels: [5], dim: 2 }, weights);
    // z = 4 + 6 = 10 → code 1 → [2·1 + 0.5, 3·1 − 0.5]; z = −0.1 + 0.1 = 0 → code 0 → [0.5, −0.5].
    const codes = fsq.encode(floats([2, 2], [4, 6, -0.1, 0.1]));
    expect(Array.from(codes.data as Int32Array)).toEqual([4, 2]);
    expect(Array.from(fsq.decode(codes).data)).toEqual([2.5, 2.5, 0.5, -0.5]);
  });

  it('encodes a projection that overflows finite latents to ±Infinity as the saturated levels', () => {
    const fsq = createFsqQuantizer({ type: 'fsq', levels: [5], dim: 2, projectionBias: false }, { 'project_in.weight': floats([1, 2], [1, 1]), 'project_out.weight': floats([2, 1], [1, 1]) });
    // 3e38 + 3e38 overflows float32: z = +Infinity → level 4; the mirror image → level 0; then a plain 0 → level 2.
    const codes = fsq.encodeVectors(Float32Array.from([3e38, 3e38, -3e38, -3e38, 0, 0]), 3);
    expect(Array.from(codes)).toEqual([4, 0, 2]);
  });

  it('projects without biases when projectionBias is false', () => {
    const fsq = createFsqQuantizer(
      { type: 'fsq', levels: [5], dim: 2, projectionBias: false },
      { 'project_in.weight': floats([1, 2], [1, -1]), 'project_out.weight': floats([2, 1], [1, -1]) },
    );
    const codes = fsq.encode(floats([1, 2], [-5, 5]));
    expect(Array.from(codes.data as Int32Array)).toEqual([0]);
    expect(Array.from(fsq.decode(codes).data)).toEqual([-1, 1]);
  });

  it('rounds decoded values to bfloat16 with outputDtype "bfloat16" (Cosmos)', () => {
    const fsq32 = createFsqQuantizer({ type: 'fsq', levels: [7] });
    const fsq16 = createFsqQuantizer({ type: 'fsq', levels: [7], outputDtype: 'bfloat16' });
    // level 4 of L=7 is (4 − 3)/3: float32 0.3333333432…, bfloat16 0.333984375.
    expect(Array.from(fsq32.decode(ints([1], [4])).data)).toEqual([Math.fround(1 / 3)]);
    expect(Array.from(fsq16.decode(ints([1], [4])).data)).toEqual([0.333984375]);
    expect(Array.from(fsq16.decode(ints([1], [2])).data)).toEqual([-0.333984375]);
  });

  it('decode ∘ encode is a fixed point of the symmetric hard-clamp quantizer', () => {
    const fsq = createFsqQuantizer({ type: 'fsq', levels: [7, 4, 5], bound: 'hard-clamp', preserveSymmetry: true });
    fc.assert(
      fc.property(fc.array(fc.float({ noNaN: true, noDefaultInfinity: true }), { minLength: 3, maxLength: 3 }), (vector) => {
        // A code 2l/(L−1) − 1 lands on bracket l + 0.5, whose floor is l again.
        const codes = fsq.encode(floats([1, 3], vector));
        return Array.from(fsq.encode(fsq.decode(codes)).data as Int32Array).join() === Array.from(codes.data as Int32Array).join();
      }),
    );
  });

  it('uses int64 codes past 2^31', () => {
    const fsq = createFsqQuantizer({ type: 'fsq', levels: [65536, 65536] });
    const codes = fsq.encode(floats([1, 2], [10, 10]));
    expect(codes.type).toBe('int64');
    expect(codes.data[0]).toBe(BigInt(2 ** 32 - 1));
    expect(Array.from(fsq.decode(codes).data)).toEqual([Math.fround(32767 / 32768), Math.fround(32767 / 32768)]);
  });
});

describe('createFsqQuantizer: bad input', () => {
  const fsq = createFsqQuantizer({ type: 'fsq', levels: [8, 5, 5, 5] });

  it('rejects a wrong channel count', () => {
    expect(() => fsq.encode(floats([1, 3], [0, 0, 0]))).toThrow(ShapeMismatchError);
  });

  it('rejects NaN and Infinity', () => {
    expect(() => fsq.encode(floats([1, 4], [0, Number.NaN, 0, 0]))).toThrow(NonFiniteValueError);
    expect(() => fsq.encode(floats([1, 4], [0, 0, -Infinity, 0]))).toThrow(NonFiniteValueError);
    expect(() => fsq.encodeVectors(Float32Array.from([0, 0, 0, Infinity]), 1)).toThrow(NonFiniteValueError);
  });

  it('rejects a count that does not match the latents with a typed error', () => {
    expect(() => fsq.encodeVectors(new Float32Array(8), -2)).toThrow(ShapeMismatchError);
    expect(() => fsq.encodeVectors(new Float32Array(8), 1.5)).toThrow(ShapeMismatchError);
    expect(() => fsq.encodeVectors(new Float32Array(8), 3)).toThrow(ShapeMismatchError);
  });

  it('names the first non-finite value, wherever it lies', () => {
    const latents = new Float32Array(4 * 1001).fill(0.25);
    latents[2999] = Number.POSITIVE_INFINITY;
    latents[3001] = Number.NaN;
    latents[4003] = Number.NaN; // in the vectors after the last group of four
    for (const encode of [() => fsq.encodeVectors(latents, 1001), () => fsq.encode(floats([1, 1001, 4], Array.from(latents)))]) {
      expect(encode).toThrow(expect.objectContaining({ argument: 'latents', index: 2999, value: Number.POSITIVE_INFINITY }));
    }
    latents[2999] = 0;
    expect(() => fsq.encodeVectors(latents, 1001)).toThrow(expect.objectContaining({ argument: 'latents', index: 3001 }));
    latents[3001] = 0;
    expect(() => fsq.encodeVectors(latents, 1001)).toThrow(expect.objectContaining({ argument: 'latents', index: 4003 }));
    latents[4003] = 0;
    expect(fsq.encodeVectors(latents, 1001)).toHaveLength(1001);
  });

  it('rejects codes out of range', () => {
    expect(() => fsq.decode(ints([2], [5, 1000]))).toThrow(CodeOutOfRangeError);
    expect(() => fsq.decode(ints([1], [-1]))).toThrow(CodeOutOfRangeError);
    expect(() => fsq.decodeVectors(Int32Array.from([1000]), 1, 1)).toThrow(CodeOutOfRangeError);
    expect(() => fsq.decodeVectors(Float64Array.from([1.5]), 1, 1)).toThrow(CodeOutOfRangeError);
  });

  it('rejects a wrong number of codes per vector', () => {
    const two = createFsqQuantizer({ type: 'fsq', levels: [5], numCodebooks: 2 });
    expect(() => two.decodeVectors(Int32Array.from([1, 2, 3]), 3, 1)).toThrow(ShapeMismatchError);
    expect(() => two.decodeVectors(Int32Array.from([1, 2, 3]), 2, 2)).toThrow(ShapeMismatchError);
    expect(() => fsq.encodeVectors(new Float32Array(7), 2)).toThrow(ShapeMismatchError);
  });

  it('rejects missing or misshapen projection weights', () => {
    const spec = { type: 'fsq', levels: [5, 3], dim: 3 };
    expect(() => createFsqQuantizer(spec)).toThrow(WeightsMismatchError);
    const weights = {
      'project_in.weight': floats([2, 3], [1, 1, 1, 1, 1, 1]),
      'project_in.bias': floats([2], [0, 0]),
      'project_out.weight': floats([3, 2], [1, 1, 1, 1, 1, 1]),
      'project_out.bias': floats([3], [0, 0, 0]),
    };
    expect(createFsqQuantizer(spec, weights).dim).toBe(3);
    // transposed [3, 2] instead of [codes, dim] = [2, 3]
    expect(() => createFsqQuantizer(spec, { ...weights, 'project_in.weight': floats([3, 2], [1, 1, 1, 1, 1, 1]) })).toThrow(
      expect.objectContaining({ weight: 'project_in.weight' }),
    );
    expect(() => createFsqQuantizer(spec, { ...weights, 'project_out.bias': floats([2], [0, 0]) })).toThrow(expect.objectContaining({ weight: 'project_out.bias' }));
    const { ['project_in.bias']: _dropped, ...withoutBias } = weights;
    expect(() => createFsqQuantizer(spec, withoutBias)).toThrow(expect.objectContaining({ weight: 'project_in.bias' }));
  });

  const badSpecs: Array<[string, Record<string, unknown>, string]> = [
    ['missing levels', {}, 'levels'],
    ['empty levels', { levels: [] }, 'levels'],
    ['a level below 2', { levels: [8, 1] }, 'levels[1]'],
    ['a fractional level', { levels: [2.5] }, 'levels[0]'],
    ['a codebook past 2^53', { levels: [65536, 65536, 65536, 65536] }, 'levels'],
    ['numCodebooks 0', { levels: [5], numCodebooks: 0 }, 'numCodebooks'],
    ['dim 0', { levels: [5], dim: 0 }, 'dim'],
    ['an unknown bound', { levels: [5], bound: 'sigmoid' }, 'bound'],
    ['preserveSymmetry with the tan bound', { levels: [5], bound: 'tan', preserveSymmetry: true }, 'bound'],
    ['a non-boolean preserveSymmetry', { levels: [5], preserveSymmetry: 'yes' }, 'preserveSymmetry'],
    ['a negative eps', { levels: [5], eps: -0.1 }, 'eps'],
    ['an unknown outputDtype', { levels: [5], outputDtype: 'float16' }, 'outputDtype'],
    ['a bad projectionBias', { levels: [5], projectionBias: 1 }, 'projectionBias'],
    ['a bad channelAxis', { levels: [5], channelAxis: 'middle' }, 'channelAxis'],
  ];
  for (const [what, fields, path] of badSpecs) {
    it(`rejects ${what} naming ${path}`, () => {
      const spec = { type: 'fsq', ...fields } as QuantizerSpec;
      expect(() => createFsqQuantizer(spec)).toThrow(InvalidSpecError);
      expect(() => createFsqQuantizer(spec)).toThrow(expect.objectContaining({ path }));
    });
  }
});
