import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';
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
 *
 * With `rejectNonFinite` the NaN/±Infinity check runs in the same pass, and a NonFiniteValueError
 * names the first bad value (argument `latents`). Without it, `values` must hold no NaN (±Infinity
 * is fine): NaN would read as its sign bit.
 *
 * @throws NonFiniteValueError with `rejectNonFinite`, for NaN or ±Infinity in `values`
 */
export function encodeSignCodes(values: Float32Array, count: number, plan: SignCodePlan, rejectNonFinite = false): CodeArray {
  const { dim, parts, bitOrder } = plan;
  const streams = parts.length;
  const codes = codeArrayFor(plan, count * streams);
  // A float32 is > 0 exactly when its bits, read as an int32 b, are > 0 (NaN aside); the sign bit of
  // (−b & ~b) says so without a data-dependent branch (b = −2^31, i.e. −0, gives 0 as it should).
  const raw = new Int32Array(values.buffer, values.byteOffset, values.length);
  // The sign bit of (exponent bits + one exponent step) is set only for exponent 255 (NaN, ±Infinity).
  let nonFinite = 0;
  let covered = 0;
  for (let s = 0; s < streams; s++) {
    const { offset, bits } = parts[s]!;
    covered += bits;
    // Horner's scheme from the most significant channel.
    const first = bitOrder === 'msb-first' ? offset : offset + bits - 1;
    const step = bitOrder === 'msb-first' ? 1 : -1;
    if (bits <= 31) {
      for (let n = 0, base = first, at = s; n < count; n++, base += dim, at += streams) {
        let code = 0;
        for (let d = 0, i = base; d < bits; d++, i += step) {
          const b = raw[i]!;
          nonFinite |= (b & 0x7f800000) + 0x00800000;
          code = (code << 1) | ((-b & ~b) >>> 31);
        }
        codes[at] = code;
      }
    } else {
      for (let n = 0, base = first, at = s; n < count; n++, base += dim, at += streams) {
        let code = 0;
        // `code * 2 + bit` stays exact below 2^53.
        for (let d = 0, i = base; d < bits; d++, i += step) {
          const b = raw[i]!;
          nonFinite |= (b & 0x7f800000) + 0x00800000;
          code = code * 2 + ((-b & ~b) >>> 31);
        }
        codes[at] = code;
      }
    }
  }
  // Channels outside every part were not read: check them (and locate a bad value) with a plain scan.
  if (rejectNonFinite && (nonFinite < 0 || covered !== dim)) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v - v !== 0) throw new NonFiniteValueError({ argument: 'latents', index: i, value: v });
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
