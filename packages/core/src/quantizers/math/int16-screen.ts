/**
 * Int16 screening for the SIMD nearest scan: vectors and codebook rows rounded to integers at a
 * power-of-two scale, so that WebAssembly's `i32x4.dot_i16x8_s` scores two channels per lane (twice
 * the multiply-adds per instruction of float32), with a rigorous bound on how far the screened dot
 * product can be from the exact one. Rows within that bound of the best are rescored in float64, so
 * the codes do not depend on the screening (see `createSimdNearestScan`).
 *
 * A value v at scale 2^s becomes ṽ = round(v·2^−s) with |ṽ| ≤ 32767; since 2^s is a power of two,
 * v·2^−s is exact in double and |v − 2^s·ṽ| ≤ 2^(s−1) (0 where every value is 0).
 *
 * The int32 sums of `idots` must not pass 2³¹. Rather than bounding every value (dim·q² < 2³¹, which
 * for dim 128 left 12 bits per value), the scales bound Euclidean norms: by Cauchy–Schwarz
 * |Σ x̃_d·ẽ_d| ≤ ‖x̃‖·‖ẽ‖, so rows with ‖ẽ‖ ≤ 46340 and vectors with ‖x̃‖·max‖ẽ‖ < 2³¹ cannot
 * overflow. On Gaussian data that is about 4× finer on both sides, so the bound below is about 4×
 * tighter and fewer rows need rescoring.
 */

const float32Roundoff = 2 ** -24;
/** Smallest positive float32 subnormal: the absolute error of a float32 product that underflows is at most half of it. */
const float32Tiny = 2 ** -149;

/** Largest magnitude of the screen's integers (−32768 is never produced). */
export const int16Max = 32767;

/** Largest ‖ẽ‖₂ of an int16 codebook row: 46340² < 2³¹, which leaves vectors the same room. */
export const codebookNormLimit = 46340;

/**
 * The largest ‖x̃‖₂ for which `|x̃·ẽ_k| < 2³¹` holds for every int16 row, given the largest `‖ẽ_k‖²`
 * (an exact integer): ‖x̃‖·‖ẽ_k‖ < 2³¹ suffices (Cauchy–Schwarz); the factor 1 − 2⁻³⁰ covers the
 * rounding of this formula. Capped at 2²⁴, beyond any int16 vector of up to 2¹⁶ channels.
 */
export function vectorNormLimit(maxRowSquaredNorm: number): number {
  if (maxRowSquaredNorm === 0) return 2 ** 24;
  return Math.min(2 ** 24, Math.sqrt(2 ** 62 / maxRowSquaredNorm) * (1 - 2 ** -30));
}

/**
 * How large ‖v‖·2^−s may be so that the rounded values keep ‖ṽ‖₂ ≤ `normLimit`: rounding moves each
 * of the `dim` values by at most ½, so ‖ṽ‖ ≤ ‖v‖·2^−s + √dim/2; the factor 1 − 2⁻⁴⁰ covers the
 * rounding of this formula. NaN when nothing is left (`normLimit` ≤ √dim/2 + 1).
 */
export function normRoom(normLimit: number, dim: number): number {
  const room = (normLimit - Math.sqrt(dim) / 2) * (1 - 2 ** -40);
  return room >= 1 ? room : NaN;
}

/**
 * The scale exponent of values whose largest magnitude is `maxAbs` and whose Euclidean norm is at most
 * `normUpper`: the smallest s with `maxAbs·2^−s ≤ 32767` and `normUpper·2^−s ≤ room` (from
 * {@link normRoom}), so every |ṽ| ≤ 32767 and ‖ṽ‖₂ stays within the norm limit. NaN for non-finite
 * input or room.
 */
export function int16ScaleExponent(maxAbs: number, normUpper: number, room: number): number {
  if (!(room >= 1)) return NaN;
  return Math.max(scaleExponent(maxAbs, int16Max), scaleExponent(normUpper, room));
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

/** Bound on |v − ṽ·2^s| for values rounded at exponent s: 2^(s−1), or 0 when every value is 0 (`maxAbs` = 0). */
export function roundingError(exponent: number, maxAbs: number): number {
  return maxAbs === 0 ? 0 : powerOfTwo(exponent - 1);
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
