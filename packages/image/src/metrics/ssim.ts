import { InvalidArgumentError } from '@jointok/core';
import type { Image8 } from '../image/types.js';
import { assertSameShape } from './psnr.js';

/**
 * Which SSIM:
 * - `'gaussian'` (default): Wang et al. 2004 — 11×11 Gaussian window (σ = 1.5), population
 *   covariances, mean over the positions where the window fits. Equal to scikit-image's
 *   `structural_similarity(..., gaussian_weights=True, sigma=1.5, use_sample_covariance=False)`,
 *   to the authors' MATLAB code and to pytorch-msssim's `ssim`.
 * - `'skimage'`: scikit-image's defaults — 7×7 uniform window, sample covariances (N/(N−1)).
 */
export type SsimMode = 'gaussian' | 'skimage';

/** Options of {@link ssim}. */
export interface SsimOptions {
  readonly mode?: SsimMode;
  /** Default 255. */
  readonly dataRange?: number;
}

/**
 * Mean structural similarity of two same-shaped 8-bit images, computed per channel in double
 * precision and averaged over channels (scikit-image's `channel_axis=-1`). Both sides must be at
 * least the window size (11 for `'gaussian'`, 7 for `'skimage'`).
 */
export function ssim(a: Image8, b: Image8, options: SsimOptions = {}): number {
  assertSameShape(a, b);
  const { mode = 'gaussian', dataRange = 255 } = options;
  if (mode !== 'gaussian' && mode !== 'skimage') throw new InvalidArgumentError({ argument: 'options.mode', expected: "'gaussian' or 'skimage'", received: mode });
  const weights = mode === 'gaussian' ? gaussianWindow(1.5, 5) : new Float64Array(7).fill(1 / 7);
  const size = weights.length;
  if (a.width < size || a.height < size) throw new InvalidArgumentError({ argument: 'a', expected: `images of at least ${size}x${size} pixels for ${mode} SSIM`, received: `${a.width}x${a.height}` });
  const n = size * size;
  const covarianceNorm = mode === 'gaussian' ? 1 : n / (n - 1);
  const c1 = (0.01 * dataRange) ** 2;
  const c2 = (0.03 * dataRange) ** 2;
  let total = 0;
  for (let c = 0; c < a.channels; c++) {
    const x = plane(a, c);
    const y = plane(b, c);
    const product = (p: Float64Array, q: Float64Array): Float64Array => p.map((v, i) => v * q[i]!);
    const [ux, uy, uxx, uyy, uxy] = [x, y, product(x, x), product(y, y), product(x, y)].map((p) => filterValid(p, a.width, a.height, weights));
    let sum = 0;
    for (let i = 0; i < ux!.length; i++) {
      const mx = ux![i]!;
      const my = uy![i]!;
      const vx = covarianceNorm * (uxx![i]! - mx * mx);
      const vy = covarianceNorm * (uyy![i]! - my * my);
      const vxy = covarianceNorm * (uxy![i]! - mx * my);
      sum += ((2 * mx * my + c1) * (2 * vxy + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2));
    }
    total += sum / ux!.length;
  }
  return total / a.channels;
}

/** scipy's normalised Gaussian taps for `sigma` and `radius`. */
function gaussianWindow(sigma: number, radius: number): Float64Array {
  const weights = new Float64Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) sum += weights[i + radius] = Math.exp((-0.5 * i * i) / (sigma * sigma));
  return weights.map((w) => w / sum);
}

function plane(image: Image8, channel: number): Float64Array {
  const out = new Float64Array(image.width * image.height);
  for (let i = 0; i < out.length; i++) out[i] = image.data[i * image.channels + channel]!;
  return out;
}

/** Separable weighted means over every window that fits inside the image ("valid" positions). */
function filterValid(values: Float64Array, width: number, height: number, weights: Float64Array): Float64Array {
  const size = weights.length;
  const outWidth = width - size + 1;
  const outHeight = height - size + 1;
  const rows = new Float64Array(outWidth * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < outWidth; x++) {
      let s = 0;
      for (let k = 0; k < size; k++) s += weights[k]! * values[y * width + x + k]!;
      rows[y * outWidth + x] = s;
    }
  }
  const out = new Float64Array(outWidth * outHeight);
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      let s = 0;
      for (let k = 0; k < size; k++) s += weights[k]! * rows[(y + k) * outWidth + x]!;
      out[y * outWidth + x] = s;
    }
  }
  return out;
}
