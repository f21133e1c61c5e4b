import { type AxisCoefficients, precisionBits } from './coefficients.js';

const half = 1 << (precisionBits - 1);

/**
 * Pillow's 8-bit horizontal pass over rows `firstRow .. firstRow + outHeight - 1` of the input.
 * Each sample is `clip8((2^21 + Σ in·w) >> 22)`; the sums are exact integers within int32 for 8-bit
 * inputs, so plain JavaScript numbers hold them exactly. One-, three- and four-channel images get
 * unrolled loops (the hot path); other counts take the generic loop.
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
  let o = 0;
  for (let y = 0; y < outHeight; y++) {
    const rowStart = (y + firstRow) * inWidth * channels;
    for (let x = 0; x < outWidth; x++) {
      const count = bounds[2 * x + 1]!;
      let p = rowStart + bounds[2 * x]! * channels;
      let w = x * kernelSize;
      const wEnd = w + count;
      if (channels === 3) {
        let s0 = half;
        let s1 = half;
        let s2 = half;
        for (; w < wEnd; w++, p += 3) {
          const k = weights[w]!;
          s0 += input[p]! * k;
          s1 += input[p + 1]! * k;
          s2 += input[p + 2]! * k;
        }
        out[o] = clip8(s0);
        out[o + 1] = clip8(s1);
        out[o + 2] = clip8(s2);
        o += 3;
      } else if (channels === 1) {
        let s0 = half;
        for (; w < wEnd; w++, p++) s0 += input[p]! * weights[w]!;
        out[o++] = clip8(s0);
      } else if (channels === 4) {
        let s0 = half;
        let s1 = half;
        let s2 = half;
        let s3 = half;
        for (; w < wEnd; w++, p += 4) {
          const k = weights[w]!;
          s0 += input[p]! * k;
          s1 += input[p + 1]! * k;
          s2 += input[p + 2]! * k;
          s3 += input[p + 3]! * k;
        }
        out[o] = clip8(s0);
        out[o + 1] = clip8(s1);
        out[o + 2] = clip8(s2);
        out[o + 3] = clip8(s3);
        o += 4;
      } else {
        for (let c = 0; c < channels; c++) {
          let s = half;
          for (let ww = w, pp = p + c; ww < wEnd; ww++, pp += channels) s += input[pp]! * weights[ww]!;
          out[o++] = clip8(s);
        }
      }
    }
  }
  return out;
}

/**
 * Pillow's 8-bit vertical pass: each output row mixes `count` input rows from `bounds`. Rows are
 * accumulated whole into an Int32Array (contiguous, so the JIT keeps it tight); the sums are the same
 * exact integers as Pillow's per-pixel loop, as integer addition does not depend on order.
 */
export function resampleVertical(input: Uint8Array, width: number, channels: number, outHeight: number, coefficients: AxisCoefficients): Uint8Array {
  const { kernelSize, bounds, weights } = coefficients;
  const rowLength = width * channels;
  const out = new Uint8Array(rowLength * outHeight);
  const sums = new Int32Array(rowLength);
  for (let y = 0; y < outHeight; y++) {
    const count = bounds[2 * y + 1]!;
    const first = bounds[2 * y]! * rowLength;
    const w0 = y * kernelSize;
    sums.fill(half);
    for (let k = 0; k < count; k++) {
      const w = weights[w0 + k]!;
      if (w === 0) continue;
      const row = first + k * rowLength;
      for (let i = 0; i < rowLength; i++) sums[i] = sums[i]! + input[row + i]! * w;
    }
    const o = y * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const v = sums[i]! >> precisionBits;
      out[o + i] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
  return out;
}

/** `sum >> 22` clamped to 0..255 (the sum is an exact integer within int32). */
function clip8(sum: number): number {
  const v = sum >> precisionBits;
  return v < 0 ? 0 : v > 255 ? 255 : v;
}
