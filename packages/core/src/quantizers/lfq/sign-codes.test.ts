import { describe, expect, it } from 'vitest';
import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { decodeSignCodes, encodeSignCodes, type SignCodePlan } from './sign-codes.js';

const whole = (dim: number, bitOrder: SignCodePlan['bitOrder']): SignCodePlan => ({ dim, parts: [{ offset: 0, bits: dim }], bitOrder });

describe('encodeSignCodes', () => {
  it('reads channel 0 as the most significant bit with msb-first', () => {
    // bits 1 0 1 0 → 0b1010 = 10
    expect(Array.from(encodeSignCodes(Float32Array.from([1, -1, 0.5, -3]), 1, whole(4, 'msb-first')))).toEqual([10]);
  });

  it('reads channel 0 as the least significant bit with lsb-first', () => {
    // bits 1 0 1 0 → 1·2^0 + 1·2^2 = 5
    expect(Array.from(encodeSignCodes(Float32Array.from([1, -1, 0.5, -3]), 1, whole(4, 'lsb-first')))).toEqual([5]);
  });

  it('uses the strict test x > 0: ±0 give 0, the smallest subnormal gives 1', () => {
    const values = Float32Array.from([0, -0, 1.4e-45, -1.4e-45]);
    // bits 0 0 1 0 → msb-first 2
    expect(Array.from(encodeSignCodes(values, 1, whole(4, 'msb-first')))).toEqual([2]);
    expect(Array.from(encodeSignCodes(new Float32Array(4), 1, whole(4, 'msb-first')))).toEqual([0]);
  });

  it('gives each part its own code, vector-major', () => {
    const plan: SignCodePlan = { dim: 4, parts: [{ offset: 0, bits: 2 }, { offset: 2, bits: 2 }], bitOrder: 'msb-first' };
    // vector 0: bits 1 1 | 0 1 → 3, 1; vector 1: bits 0 1 | 1 0 → 1, 2
    const codes = encodeSignCodes(Float32Array.from([1, 2, -1, 3, -1, 2, 5, -5]), 2, plan);
    expect(codes).toBeInstanceOf(Int32Array);
    expect(Array.from(codes)).toEqual([3, 1, 1, 2]);
  });

  it('keeps 53-bit codes exact in a Float64Array', () => {
    const codes = encodeSignCodes(new Float32Array(53).fill(1), 1, whole(53, 'msb-first'));
    expect(codes).toBeInstanceOf(Float64Array);
    expect(codes[0]).toBe(9007199254740991); // 2^53 − 1
    const low = new Float32Array(53).fill(-1);
    low[52] = 1;
    expect(encodeSignCodes(low, 1, whole(53, 'msb-first'))[0]).toBe(1);
    expect(encodeSignCodes(low, 1, whole(53, 'lsb-first'))[0]).toBe(2 ** 52);
  });
});

describe('encodeSignCodes: bits read from the float32 bit patterns', () => {
  const fromBits = (bits: number[]): Float32Array => new Float32Array(Int32Array.from(bits).buffer);

  it('gives x > 0 for every sign, exponent and extreme bit pattern', () => {
    // +0, −0, smallest/largest subnormal, smallest normal, 1, largest finite, +∞ and their negatives.
    const positive = [0, 1, 0x007fffff, 0x00800000, 0x3f800000, 0x7f7fffff, 0x7f800000];
    const values = fromBits([...positive, ...positive.map((b) => b | 0x80000000)]);
    const want = Array.from(values, (v) => (v > 0 ? 1 : 0));
    const plan: SignCodePlan = { dim: values.length, parts: Array.from(values, (_, offset) => ({ offset, bits: 1 })), bitOrder: 'msb-first' };
    expect(Array.from(encodeSignCodes(values, 1, plan))).toEqual(want);
    expect(want).toEqual([0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('agrees with x > 0 on random vectors, both bit orders, 31- and 53-bit parts', () => {
    let state = 12345;
    const random = (): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
    for (const bits of [7, 31, 53]) {
      for (const bitOrder of ['msb-first', 'lsb-first'] as const) {
        const values = Float32Array.from({ length: bits * 50 }, () => random() * 10 ** Math.floor(random() * 40));
        for (let i = 0; i < values.length; i += 17) values[i] = i % 2 ? 0 : -0;
        const codes = encodeSignCodes(values, 50, whole(bits, bitOrder));
        for (let n = 0; n < 50; n++) {
          let want = 0;
          for (let d = 0; d < bits; d++) {
            const channel = bitOrder === 'msb-first' ? d : bits - 1 - d;
            want = want * 2 + (values[n * bits + channel]! > 0 ? 1 : 0);
          }
          expect(codes[n]).toBe(want);
        }
      }
    }
  });

  it('with rejectNonFinite, names the first NaN or ±Infinity as latents[index]', () => {
    const values = new Float32Array(40).fill(0.5);
    values[23] = -Infinity;
    values[31] = Number.NaN;
    const plan: SignCodePlan = { dim: 8, parts: [{ offset: 0, bits: 3 }, { offset: 3, bits: 5 }], bitOrder: 'lsb-first' };
    expect(() => encodeSignCodes(values, 5, plan, true)).toThrow(expect.objectContaining({ argument: 'latents', index: 23, value: -Infinity }));
    values[23] = 1;
    expect(() => encodeSignCodes(values, 5, plan, true)).toThrow(NonFiniteValueError);
    // Without the flag the pass does not look (the caller has checked).
    values[31] = Infinity;
    expect(Array.from(encodeSignCodes(values, 5, plan))).toHaveLength(10);
  });

  it('with rejectNonFinite, also checks channels that no part reads', () => {
    const values = Float32Array.from([1, -1, Number.NaN, 1, -1, 1]);
    const plan: SignCodePlan = { dim: 3, parts: [{ offset: 0, bits: 2 }], bitOrder: 'msb-first' };
    expect(() => encodeSignCodes(values, 2, plan, true)).toThrow(expect.objectContaining({ index: 2 }));
  });
});

describe('decodeSignCodes', () => {
  it('writes ±magnitude in bit order', () => {
    expect(Array.from(decodeSignCodes(Int32Array.from([10]), 1, 1, whole(4, 'msb-first'), 0.5))).toEqual([0.5, -0.5, 0.5, -0.5]);
    expect(Array.from(decodeSignCodes(Int32Array.from([5]), 1, 1, whole(4, 'lsb-first'), 1))).toEqual([1, -1, 1, -1]);
  });

  it('rounds the magnitude to float32', () => {
    const out = decodeSignCodes(Int32Array.from([1]), 1, 1, whole(1, 'msb-first'), 0.1);
    expect(out[0]).toBe(Math.fround(0.1));
  });

  it('decodes 53-bit codes exactly', () => {
    const out = decodeSignCodes(Float64Array.from([2 ** 52 + 1]), 1, 1, whole(53, 'msb-first'), 1);
    expect(out[0]).toBe(1);
    expect(out[52]).toBe(1);
    expect(out.slice(1, 52).every((v) => v === -1)).toBe(true);
  });

  it('rejects codes outside their part, non-integers and a wrong code count', () => {
    const plan: SignCodePlan = { dim: 4, parts: [{ offset: 0, bits: 2 }, { offset: 2, bits: 2 }], bitOrder: 'msb-first' };
    expect(() => decodeSignCodes(Int32Array.from([3, 4]), 1, 2, plan, 1)).toThrow(CodeOutOfRangeError);
    expect(() => decodeSignCodes(Int32Array.from([-1, 0]), 1, 2, plan, 1)).toThrow(CodeOutOfRangeError);
    expect(() => decodeSignCodes(Float64Array.from([1.5, 0]), 1, 2, plan, 1)).toThrow(CodeOutOfRangeError);
    expect(() => decodeSignCodes(Int32Array.from([1, 0]), 2, 1, plan, 1)).toThrow(ShapeMismatchError);
  });
});
