import fc from 'fast-check';
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
import { createSeededRandom } from '../../testing/seeded-random.js';
import { roundToBfloat16 } from './bfloat16.js';
import { createResidualFsqQuantizer } from './create-residual-fsq-quantizer.js';
import { createFsqGrid } from './fsq-grid.js';

const f32 = Math.fround;
const floats = (dims: number[], values: number[]): Tensor<'float32'> => ({ type: 'float32', dims, data: Float32Array.from(values) });
const ints = (dims: number[], values: number[]): Tensor<'int32'> => ({ type: 'int32', dims, data: Int32Array.from(values) });
const values = (t: Tensor) => Array.from(t.data as ArrayLike<number>, Number);

describe('residual-fsq, lucidrains variant', () => {
  const rfsq = createQuantizer({ type: 'residual-fsq', levels: [5], numQuantizers: 2 });

  it('soft-clamps, scales stage q by L^q and quantizes with the symmetric floor', () => {
    // c = 1 + 1/4 = 1.25; xs = tanh(0.3/1.25)·1.25 = 0.29437.
    // stage 0: floor(4·1.29437/2 + 0.5) = floor(3.0887) = 3 → code 0.5, residual −0.20563;
    // stage 1 (s = 1/5): −0.20563·5 = −1.028 → clamp −1 → floor(0.5) = 0 → code −1 → −0.2.
    const codes = rfsq.encode(floats([1, 1, 1], [0.3]));
    expect(codes.dims).toEqual([1, 1, 2]);
    expect(values(codes)).toEqual([3, 0]);
    expect(values(rfsq.decode(codes))).toEqual([f32(0.5 + f32(-1 * f32(0.2)))]);
  });

  it('keeps the stage axis and encodes fewer stages with numQuantizers', () => {
    const codes = rfsq.encode(floats([1, 1, 1], [0.3]), { numQuantizers: 1 });
    expect(codes.dims).toEqual([1, 1, 1]);
    expect(values(codes)).toEqual([3]);
    expect(values(rfsq.decode(codes))).toEqual([0.5]);
  });

  it('channel first: codes [B, Q, T], decode channel last (is_channel_first)', () => {
    const first = createResidualFsqQuantizer({
      type: 'residual-fsq',
      levels: [5, 5],
      numQuantizers: 2,
      channelAxis: 'first',
      indexLayout: 'streams-after-batch',
      decodeChannelAxis: 'last',
    });
    const last = createResidualFsqQuantizer({ type: 'residual-fsq', levels: [5, 5], numQuantizers: 2 });
    // [1, D=2, T=3] and the same tokens as [1, 3, 2]
    const cf = first.encode(floats([1, 2, 3], [0.3, -0.6, 0.9, 0.1, 0.2, -0.95]));
    const cl = last.encode(floats([1, 3, 2], [0.3, 0.1, -0.6, 0.2, 0.9, -0.95]));
    expect(cf.dims).toEqual([1, 2, 3]);
    expect(cl.dims).toEqual([1, 3, 2]);
    const byToken = values(cl);
    expect(values(cf)).toEqual([byToken[0], byToken[2], byToken[4], byToken[1], byToken[3], byToken[5]]);
    const decoded = first.decode(cf);
    expect(decoded.dims).toEqual([1, 3, 2]);
    expect(values(decoded)).toEqual(values(last.decode(cl)));
  });

  it('projects with project_in / project_out when dim differs', () => {
    const weights = {
      'project_in.weight': floats([1, 2], [0.5, 0.5]),
      'project_in.bias': floats([1], [0]),
      'project_out.weight': floats([2, 1], [1, -1]),
      'project_out.bias': floats([2], [0, 1]),
    };
    const projected = createResidualFsqQuantizer({ type: 'residual-fsq', levels: [5], numQuantizers: 2, dim: 2 }, weights);
    // (0.2 + 0.4)/2 = 0.3: the example above → codes [3, 0], sum 0.3 → [0.3, −0.3 + 1].
    const codes = projected.encode(floats([1, 2], [0.2, 0.4]));
    expect(values(codes)).toEqual([3, 0]);
    const sum = f32(0.5 + f32(-1 * f32(0.2)));
    expect(values(projected.decode(codes))).toEqual([sum, f32(-sum + 1)]);
    expect(() => createResidualFsqQuantizer({ type: 'residual-fsq', levels: [5], numQuantizers: 2, dim: 2 })).toThrow(WeightsMismatchError);
  });

  it('with the tanh bound, soft-clamps only with softClampInputValue', () => {
    const plain = createResidualFsqQuantizer({ type: 'residual-fsq', levels: [5], numQuantizers: 1, bound: 'tanh' });
    const clamped = createResidualFsqQuantizer({ type: 'residual-fsq', levels: [5], numQuantizers: 1, bound: 'tanh', softClampInputValue: 0.5 });
    // plain: t = tanh(1.2) = 0.834 → floor(4·1.834/2 + 0.5) = floor(4.17) = 4;
    // clamped: xs = tanh(1.2/0.5)·0.5 = 0.492, t = tanh(0.492) = 0.456 → floor(3.41) = 3.
    expect(values(plain.encode(floats([1, 1], [1.2])))).toEqual([4]);
    expect(values(clamped.encode(floats([1, 1], [1.2])))).toEqual([3]);
  });

  it('leaves an error of at most 1/((L−1)·L^(Q−1)) of the soft-clamped input', () => {
    const levels = [5, 8];
    const stages = 3;
    const quantizer = createResidualFsqQuantizer({ type: 'residual-fsq', levels, numQuantizers: stages });
    fc.assert(
      fc.property(fc.array(fc.float({ min: -50, max: 50, noNaN: true }), { minLength: 2, maxLength: 2 }), (pair) => {
        const decoded = values(quantizer.decode(quantizer.encode(floats([1, 2], pair))));
        return levels.every((l, d) => {
          // Each stage's floor quantizer leaves at most half a step, 1/(L−1) of its scale L^−q, and the
          // soft clamp c = L/(L−1) keeps every stage input inside the next stage's clamped range.
          const c = f32(1 + f32(1 / (l - 1)));
          const softClamped = f32(f32(Math.tanh(f32(pair[d]! / c))) * c);
          return Math.abs(softClamped - decoded[d]!) <= 1 / ((l - 1) * l ** (stages - 1)) + 1e-6;
        });
      }),
    );
  });
});

describe('residual-fsq: encoding equals the stage-by-stage reference arithmetic', () => {
  // The kernels precompute each stage's subtracted codes and look levels up in tables; this
  // reference evaluates every step directly (exactLevel: the tanh/clamp arithmetic), on levels
  // whose codes are not dyadic (1/3, 1/5, …), where bfloat16 and float32 codes differ.
  const levels = [7, 6, 5, 3];
  const random = createSeededRandom(2024);
  const latents = Float32Array.from({ length: 4 * 3000 }, () => (random() * 2 - 1) * 2.5);

  it('cosmos, bfloat16 and float32 stage outputs', () => {
    for (const outputDtype of ['bfloat16', 'float32'] as const) {
      const rfsq = createResidualFsqQuantizer({ type: 'residual-fsq', variant: 'cosmos', levels, numQuantizers: 4, outputDtype });
      const grid = createFsqGrid({ levels, bound: 'tanh', preserveSymmetry: false, eps: 1e-3 });
      const cast = outputDtype === 'bfloat16' ? roundToBfloat16 : (x: number) => x;
      const want: number[] = [];
      for (let n = 0; n < 3000; n++) {
        const residual = Array.from(latents.subarray(n * 4, n * 4 + 4));
        for (let q = 0; q < 4; q++) {
          let index = 0;
          for (let d = 0; d < 4; d++) {
            const level = grid.exactLevel(d, residual[d]!);
            index += level * grid.basis[d]!;
            residual[d] = f32(residual[d]! - cast(grid.code(d, level)));
          }
          want.push(index);
        }
      }
      expect(Array.from(rfsq.encodeVectors(latents, 3000))).toEqual(want);
    }
  });

  it('lucidrains, soft clamp and scaled stages', () => {
    const rfsq = createResidualFsqQuantizer({ type: 'residual-fsq', levels, numQuantizers: 4 });
    const grid = createFsqGrid({ levels, bound: 'hard-clamp', preserveSymmetry: true, eps: 1e-3 });
    const want: number[] = [];
    for (let n = 0; n < 3000; n++) {
      const residual = levels.map((l, d) => {
        const c = f32(1 + f32(1 / (l - 1)));
        return f32(f32(Math.tanh(f32(latents[n * 4 + d]! / c))) * c);
      });
      for (let q = 0; q < 4; q++) {
        let index = 0;
        for (let d = 0; d < 4; d++) {
          const scale = f32(1 / levels[d]! ** q);
          const level = grid.exactLevel(d, f32(residual[d]! / scale));
          index += level * grid.basis[d]!;
          residual[d] = f32(residual[d]! - f32(grid.code(d, level) * scale));
        }
        want.push(index);
      }
    }
    expect(Array.from(rfsq.encodeVectors(latents, 3000))).toEqual(want);
  });
});

describe('residual-fsq, cosmos variant', () => {
  const cosmos = createResidualFsqQuantizer({ type: 'residual-fsq', variant: 'cosmos', levels: [7], numQuantizers: 2 });

  it('quantizes the raw residual with the tanh bound and bfloat16 stage outputs', () => {
    // stage 0: tanh(0.3)·3.003 = 0.8748 → 1 → level 4, code 1/3 → bf16 0.333984375;
    // residual 0.3 − 0.333984375 = −0.03398 → tanh·3.003 = −0.102 → −0 → level 3, code 0.
    const codes = cosmos.encode(floats([1, 1, 1], [0.3]));
    expect(codes.dims).toEqual([1, 2, 1]);
    expect(values(codes)).toEqual([4, 3]);
    expect(values(cosmos.decode(codes))).toEqual([0.333984375]);
  });

  it('accumulates stage outputs in bfloat16, or float32 with outputDtype "float32"', () => {
    const fp32 = createResidualFsqQuantizer({ type: 'residual-fsq', variant: 'cosmos', levels: [7], numQuantizers: 2, outputDtype: 'float32' });
    // levels [4, 5]: codes 1/3 and 2/3. bf16: 0.333984375 + 0.66796875 = 1.001953125 → bf16 1 (ulp 2^-7);
    // float32: 1/3 + 2/3 = 1.
    expect(values(cosmos.decode(ints([1, 2], [4, 5])))).toEqual([1]);
    expect(values(fp32.decode(ints([1, 2], [4, 5])))).toEqual([f32(f32(1 / 3) + f32(2 / 3))]);
    // levels [5, 5]: 0.66796875 + 0.66796875 = 1.3359375, exact in bfloat16.
    expect(values(cosmos.decode(ints([1, 2], [5, 5])))).toEqual([1.3359375]);
  });

  it('lays codes out as [B, Q, ...] and decodes channel first for images', () => {
    const image = createResidualFsqQuantizer({ type: 'residual-fsq', variant: 'cosmos', levels: [5, 5], numQuantizers: 3, channelAxis: 'first' });
    const codes = image.encode(floats([1, 2, 1, 2], [0, 10, 0, -10]));
    expect(codes.dims).toEqual([1, 3, 1, 2]);
    expect(image.decode(codes).dims).toEqual([1, 2, 1, 2]);
    const two = image.encode(floats([1, 2, 1, 2], [0, 10, 0, -10]), { numQuantizers: 2 });
    expect(two.dims).toEqual([1, 2, 1, 2]);
  });
});

describe('residual-fsq: bad input', () => {
  const rfsq = createResidualFsqQuantizer({ type: 'residual-fsq', levels: [5, 5], numQuantizers: 3 });

  it('rejects numQuantizers outside [1, Q]', () => {
    for (const n of [0, 4, 1.5]) expect(() => rfsq.encode(floats([1, 2], [0, 0]), { numQuantizers: n })).toThrow(InvalidArgumentError);
  });

  it('rejects NaN, wrong shapes and codes out of range', () => {
    expect(() => rfsq.encode(floats([1, 2], [0, Number.NaN]))).toThrow(NonFiniteValueError);
    expect(() => rfsq.encode(floats([1, 3], [0, 0, 0]))).toThrow(ShapeMismatchError);
    expect(() => rfsq.decode(ints([1, 3], [0, 25, 1]))).toThrow(CodeOutOfRangeError);
    expect(() => rfsq.decode(ints([1, 4], [0, 1, 2, 3]))).toThrow(ShapeMismatchError);
    expect(() => rfsq.decodeVectors(Int32Array.from([0, 1, 2, 3]), 1, 4)).toThrow(ShapeMismatchError);
  });

  const badSpecs: Array<[string, Record<string, unknown>, string]> = [
    ['missing numQuantizers', { levels: [5] }, 'numQuantizers'],
    ['numQuantizers 0', { levels: [5], numQuantizers: 0 }, 'numQuantizers'],
    ['an unknown variant', { levels: [5], numQuantizers: 2, variant: 'dac' }, 'variant'],
    ['missing levels', { numQuantizers: 2 }, 'levels'],
    ['cosmos with a projection dim', { levels: [5], numQuantizers: 2, variant: 'cosmos', dim: 16 }, 'dim'],
    ['cosmos with the hard clamp', { levels: [5], numQuantizers: 2, variant: 'cosmos', bound: 'hard-clamp' }, 'bound'],
    ['cosmos with a soft clamp', { levels: [5], numQuantizers: 2, variant: 'cosmos', softClampInputValue: 2 }, 'softClampInputValue'],
    ['lucidrains with bfloat16 output', { levels: [5], numQuantizers: 2, outputDtype: 'bfloat16' }, 'outputDtype'],
    ['lucidrains with the tan bound', { levels: [5], numQuantizers: 2, bound: 'tan' }, 'bound'],
    ['a soft clamp with the hard clamp', { levels: [5], numQuantizers: 2, softClampInputValue: 2 }, 'softClampInputValue'],
    ['a soft clamp of the wrong length', { levels: [5, 5], numQuantizers: 2, bound: 'tanh', softClampInputValue: [1] }, 'softClampInputValue'],
    ['a non-positive soft clamp', { levels: [5], numQuantizers: 2, bound: 'tanh', softClampInputValue: 0 }, 'softClampInputValue'],
    ['a bad indexLayout', { levels: [5], numQuantizers: 2, indexLayout: 'diagonal' }, 'indexLayout'],
  ];
  for (const [what, fields, path] of badSpecs) {
    it(`rejects ${what} naming ${path}`, () => {
      const spec = { type: 'residual-fsq', ...fields } as QuantizerSpec;
      expect(() => createResidualFsqQuantizer(spec)).toThrow(InvalidSpecError);
      expect(() => createResidualFsqQuantizer(spec)).toThrow(expect.objectContaining({ path }));
    });
  }
});
