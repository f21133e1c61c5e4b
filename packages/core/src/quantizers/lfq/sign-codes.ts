import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import type { CodeArray } from '../quantizer.js';

/**
 * Which channel of a code's bit field is its most significant bit.
 * - `msb-first`: channel 0 is the most significant bit (lucidrains LFQ, bsq-vit BSQ).
 * - `lsb-first`: channel 0 is the least significant bit (Open-MAGVIT2 LFQ).
 */
export type BitOrder = 'msb-first' | 'lsb-first';

/** One code of a vector: `bits` consecutive channels starting at `offset`. */
export interface SignCodePart {
  readonly offset: number;
  readonly bits: number;
}

/**
 * How a vector of sign bits splits into codes: one part per code (codebook, group or factor),
 * all read in `bitOrder`. `dim` is the number of channels the parts cover.
 */
export interface SignCodePlan {
  readonly dim: number;
  readonly parts: readonly SignCodePart[];
  readonly bitOrder: BitOrder;
}

/** The largest number of bits one code may have: indices stay exact integers in a double up to 2^53. */
export const maxSignCodeBits = 53;

/**
 * Packs the sign bits of `count` vectors (`plan.dim` channels each, channel-last) into codes,
 * `count × parts` vector-major. A channel gives bit 1 exactly when it is `> 0`, so +0 and −0 give 0,
 * as the references' strict `x > 0` does. Codes are accumulated as exact integers (no float32 sums),
 * so they are exact up to 53 bits; they come back as Float64Array when a part exceeds 31 bits.
 */
export function encodeSignCodes(values: Float32Array, count: number, plan: SignCodePlan): CodeArray {
  const { dim, parts, bitOrder } = plan;
  const streams = parts.length;
  const codes = codeArrayFor(plan, count * streams);
  for (let n = 0; n < count; n++) {
    const base = n * dim;
    for (let s = 0; s < streams; s++) {
      const { offset, bits } = parts[s]!;
      const start = base + offset;
      let code = 0;
      // Horner's scheme from the most significant channel; `code * 2 + bit` stays exact below 2^53.
      if (bitOrder === 'msb-first') {
        for (let d = 0; d < bits; d++) code = code * 2 + (values[start + d]! > 0 ? 1 : 0);
      } else {
        for (let d = bits - 1; d >= 0; d--) code = code * 2 + (values[start + d]! > 0 ? 1 : 0);
      }
      codes[n * streams + s] = code;
    }
  }
  return codes;
}

/**
 * The inverse of {@link encodeSignCodes}: writes `+magnitude` for each 1 bit and `−magnitude` for
 * each 0 bit, `count × plan.dim` floats. Every code must be an integer in `[0, 2^bits)` of its part.
 */
export function decodeSignCodes(codes: CodeArray, count: number, codesPerVector: number, plan: SignCodePlan, magnitude: number): Float32Array {
  const { dim, parts, bitOrder } = plan;
  const streams = parts.length;
  if (codesPerVector !== streams || codes.length !== count * streams) {
    throw new ShapeMismatchError({ argument: 'codes', expected: `${count} × ${streams} codes (${streams} per vector)`, received: [codes.length / Math.max(codesPerVector, 1), codesPerVector] });
  }
  const out = new Float32Array(count * dim);
  const positive = Math.fround(magnitude);
  const negative = -positive;
  for (let n = 0; n < count; n++) {
    for (let s = 0; s < streams; s++) {
      const { offset, bits } = parts[s]!;
      const index = n * streams + s;
      let rest = codes[index]!;
      const size = 2 ** bits;
      if (!(Number.isInteger(rest) && rest >= 0 && rest < size)) throw new CodeOutOfRangeError({ argument: 'codes', index, value: rest, codebookSize: size });
      const start = n * dim + offset;
      // Peel bits from the least significant end; `%` and `/ 2` are exact on doubles below 2^53.
      for (let k = 0; k < bits; k++) {
        const bit = rest % 2;
        rest = (rest - bit) / 2;
        const channel = bitOrder === 'lsb-first' ? k : bits - 1 - k;
        out[start + channel] = bit === 1 ? positive : negative;
      }
    }
  }
  return out;
}

/** The code array type a plan needs: Int32Array while every code fits in 31 bits. */
function codeArrayFor(plan: SignCodePlan, length: number): CodeArray {
  const widest = plan.parts.reduce((most, part) => Math.max(most, part.bits), 0);
  return widest > 31 ? new Float64Array(length) : new Int32Array(length);
}
