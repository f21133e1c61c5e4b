import type { ResampleKernel } from './filters.js';

/** Fixed-point precision of Pillow's 8-bit resampling: 32 - 8 - 2 bits, leaving room for overshoot. */
export const precisionBits = 22;

/**
 * Per output position along one axis: the first input index (`bounds[2i]`), the number of inputs
 * (`bounds[2i + 1]`), and `kernelSize` fixed-point weights (`weights[i * kernelSize + k]`).
 */
export interface AxisCoefficients {
  readonly kernelSize: number;
  readonly bounds: Int32Array;
  readonly weights: Int32Array;
}

/**
 * Pillow's `precompute_coeffs` followed by `normalize_coeffs_8bpc`: the support grows with the
 * downscaling factor (antialiasing), windows are cut at the image edges and renormalised to sum 1,
 * and each weight is rounded half away from zero to 22 fractional bits. `start`/`end` are the
 * float32 box edges along the axis.
 */
export function axisCoefficients(inSize: number, start: number, end: number, outSize: number, kernel: ResampleKernel): AxisCoefficients {
  // Pillow subtracts the box edges in float and divides in double.
  const scale = Math.fround(end - start) / outSize;
  const filterScale = scale < 1 ? 1 : scale;
  const support = kernel.support * filterScale;
  const kernelSize = Math.ceil(support) * 2 + 1;
  const bounds = new Int32Array(outSize * 2);
  const weights = new Int32Array(outSize * kernelSize);
  const window = new Float64Array(kernelSize);
  const inverseScale = 1 / filterScale;
  const unit = 1 << precisionBits;
  for (let i = 0; i < outSize; i++) {
    const center = start + (i + 0.5) * scale;
    let first = Math.trunc(center - support + 0.5);
    if (first < 0) first = 0;
    let last = Math.trunc(center + support + 0.5);
    if (last > inSize) last = inSize;
    const count = last - first;
    let total = 0;
    for (let k = 0; k < count; k++) {
      const w = kernel.evaluate((k + first - center + 0.5) * inverseScale);
      window[k] = w;
      total += w;
    }
    for (let k = 0; k < count; k++) {
      const w = total !== 0 ? window[k]! / total : window[k]!;
      weights[i * kernelSize + k] = w < 0 ? Math.trunc(-0.5 + w * unit) : Math.trunc(0.5 + w * unit);
    }
    bounds[2 * i] = first;
    bounds[2 * i + 1] = count;
  }
  return { kernelSize, bounds, weights };
}
