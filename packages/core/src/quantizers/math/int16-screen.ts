/**
 * Int16 screening for the SIMD nearest scan: vectors and codebook rows rounded to integers at a
 * power-of-two scale, so that WebAssembly's `i32x4.dot_i16x8_s` scores two channels per lane (twice
 * the multiply-adds per instruction of float32), with a rigorous bound on how far the screened dot
 * product can be from the exact one. Rows within that bound of the best are rescored in float64, so
 * the codes do not depend on the screening (see `createSimdNearestScan`).
 *
 * A value v at scale 2^s becomes ṽ = round(v·2^−s) with |ṽ| ≤ q; since 2^s is a power of two,
 * v·2^−s is exact in double and |v − 2^s·ṽ| ≤ 2^(s−1) (0 where every value is 0).
 */

const float32Roundoff = 2 ** -24;
/** Smallest positive float32 subnormal: the absolute error of a float32 product that underflows is at most half of it. */
const float32Tiny = 2 ** -149;

/**
 * The largest integer magnitude q such that a sum of `dim` products of two integers in [−q, q]
 * stays below 2³¹ (no int32 wrap-around) and fits int16.
 */
export function int16Limit(dim: number): number {
  return Math.min(32767, Math.floor(Math.sqrt((2 ** 31 - 1) / Math.max(dim, 1))));
}

/**
 * The smallest exponent s with `maxAbs · 2^−s ≤ limit` (0 for `maxAbs = 0`); NaN for a non-finite
 * `maxAbs`.
 */
export function scaleExponent(maxAbs: number, limit: number): number {
  if (!Number.isFinite(maxAbs)) return NaN;
  if (maxAbs === 0) return 0;
  // A first guess from the binary exponent of maxAbs/limit (called once per vector, so no Math.log2).
  bits[0] = maxAbs / limit;
  const biased = (high[1]! >>> 20) & 0x7ff;
  let s = biased === 0 ? Math.ceil(Math.log2(bits[0]!)) : biased - 1022;
  // Settle on the exact smallest exponent (multiplying by a power of two is exact).
  while (maxAbs * powerOfTwo(-s) > limit) s++;
  while (maxAbs * powerOfTwo(1 - s) <= limit) s--;
  return s;
}

const bits = new Float64Array(1);
const high = new Uint32Array(bits.buffer);

/** Smallest and largest exponent of a finite nonzero double power of two. */
const minPowerExponent = -1074;
const maxPowerExponent = 1023;
/** 2^e for every e in [−1074, 1023], filled on first use. */
let powers: Float64Array | undefined;

/**
 * 2^e for an integer e, exactly (0 below −1074, ∞ above 1023, as `2 ** e`). From a table: the screen
 * asks for several powers per vector, and `2 ** e` with a variable exponent is a call into
 * `Math.pow`, which showed as a tenth of the residual VQ's time outside the kernel.
 */
export function powerOfTwo(exponent: number): number {
  if (!(exponent >= minPowerExponent && exponent <= maxPowerExponent)) return 2 ** exponent;
  if (powers === undefined) {
    powers = new Float64Array(maxPowerExponent - minPowerExponent + 1);
    for (let e = minPowerExponent; e <= maxPowerExponent; e++) powers[e - minPowerExponent] = 2 ** e;
  }
  return powers[exponent - minPowerExponent]!;
}

/** What the bound needs to know about a quantized set of values. */
export interface Int16Quantization {
  /** The scale exponent s (values are ṽ·2^s). */
  readonly exponent: number;
  /** Bound on |v − ṽ·2^s| for every value: 2^(s−1), or 0 when all values are 0. */
  readonly maxError: number;
}

/** The quantization of values whose largest magnitude is `maxAbs`, for integers up to `limit`. */
export function int16Quantization(maxAbs: number, limit: number): Int16Quantization {
  const exponent = scaleExponent(maxAbs, limit);
  return { exponent, maxError: maxAbs === 0 ? 0 : powerOfTwo(exponent - 1) };
}

/**
 * `value · inverse` (inverse = 2^−exponent) rounded to a nearest integer, ties up: floor(y + ½) is
 * within ½ of y (y + ½ is exact in double for a float32 y at a power-of-two scale, and for |y| < 2⁻³⁰
 * the result is 0), and stays in [−q, q] when |y| ≤ q. Math.round gives the same integers but costs
 * several times more in V8, which shows on the scan's hot path.
 */
export function quantizeValue(value: number, inverse: number): number {
  return Math.floor(value * inverse + 0.5);
}

/**
 * A bound on `|dotq − x·e|` for every row e, where `dotq = fl32(fl32(Σ x̃ẽ) · 2^(sx+se))` is the
 * screened dot product of the `idots` kernel (the integer sum exact) and `x·e` the exact dot product
 * of the float32 values. With δx = x − 2^sx·x̃ and δe = e − 2^se·ẽ,
 * `x·e − 2^(sx+se)·x̃·ẽ = Σ x·δe + δx·e − δx·δe`, at most `Dₑ·‖x‖₁ + Dₓ·‖e‖₁,max + dim·Dₓ·Dₑ` = B.
 * The two float32 roundings add `u32·|2^(sx+se)·x̃·ẽ| ≤ u32·(cross + B)` (cross ≥ |x·e|) and half a
 * subnormal step if the product underflows. A factor 1 + 2⁻³⁰ covers the double rounding of this
 * formula; `vectorAbsSum` and `codebookAbsSumMax` (‖x‖₁, the largest ‖e_k‖₁) must already be rounded up.
 */
export function int16DotErrorBound(dim: number, vectorMaxError: number, vectorAbsSum: number, codebookMaxError: number, codebookAbsSumMax: number, cross: number): number {
  const quantization = codebookMaxError * vectorAbsSum + vectorMaxError * codebookAbsSumMax + dim * vectorMaxError * codebookMaxError;
  return (quantization + float32Roundoff * (cross + quantization) + float32Tiny) * (1 + 2 ** -30);
}
