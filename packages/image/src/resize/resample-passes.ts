import { type AxisCoefficients, precisionBits } from './coefficients.js';

const half = 1 << (precisionBits - 1);

/**
 * Pillow's 8-bit horizontal pass over rows `firstRow .. firstRow + outHeight - 1` of the input.
 * Each sample is `clip8((2^21 + Σ in·w) >> 22)`; the sums stay within int32 for 8-bit inputs.
 */
export function resampleHorizontal(
  input: Uint8Array,
  inWidth: number,
  channels: number,
  firstRow: number,
  outHeight: number,
  outWidth: number,
  coefficients: AxisCoefficients,
): Uint8Array {
  const { kernelSize, bounds, weights } = coefficients;
  const out = new Uint8Array(outWidth * outHeight * channels);
  const sums = new Float64Array(channels);
  for (let y = 0; y < outHeight; y++) {
    const rowStart = (y + firstRow) * inWidth * channels;
    let o = y * outWidth * channels;
    for (let x = 0; x < outWidth; x++) {
      const first = bounds[2 * x]!;
      const count = bounds[2 * x + 1]!;
      const w0 = x * kernelSize;
      sums.fill(half);
      let p = rowStart + first * channels;
      for (let k = 0; k < count; k++) {
        const w = weights[w0 + k]!;
        for (let c = 0; c < channels; c++) sums[c]! += input[p + c]! * w;
        p += channels;
      }
      for (let c = 0; c < channels; c++) out[o++] = clip8(sums[c]!);
    }
  }
  return out;
}

/** Pillow's 8-bit vertical pass: each output row mixes `count` input rows from `bounds`. */
export function resampleVertical(input: Uint8Array, width: number, channels: number, outHeight: number, coefficients: AxisCoefficients): Uint8Array {
  const { kernelSize, bounds, weights } = coefficients;
  const rowLength = width * channels;
  const out = new Uint8Array(rowLength * outHeight);
  const sums = new Float64Array(rowLength);
  for (let y = 0; y < outHeight; y++) {
    const first = bounds[2 * y]!;
    const count = bounds[2 * y + 1]!;
    const w0 = y * kernelSize;
    sums.fill(half);
    for (let k = 0; k < count; k++) {
      const w = weights[w0 + k]!;
      const row = (first + k) * rowLength;
      for (let i = 0; i < rowLength; i++) sums[i]! += input[row + i]! * w;
    }
    const o = y * rowLength;
    for (let i = 0; i < rowLength; i++) out[o + i] = clip8(sums[i]!);
  }
  return out;
}

/** `sum >> 22` clamped to 0..255 (the sum is an exact integer within int32). */
function clip8(sum: number): number {
  const v = sum >> precisionBits;
  return v < 0 ? 0 : v > 255 ? 255 : v;
}
