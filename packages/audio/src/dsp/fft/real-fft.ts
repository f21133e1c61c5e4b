import { createBluesteinFft, type ComplexFft } from './bluestein-fft.js';
import { createRadix2Fft, isPowerOfTwo } from './radix2-fft.js';

/** The FFT of real input: bins 0 … N/2 (`floor(N/2) + 1` of them). */
export interface RealFft {
  readonly size: number;
  /** Number of output bins, floor(size / 2) + 1. */
  readonly bins: number;
  /**
   * Transforms `input` (length `size`) into `real` and `imag` (length ≥ `bins`). Work buffers are
   * reused between calls: one RealFft is not for concurrent use.
   */
  forward(input: ArrayLike<number>, real: Float64Array, imag: Float64Array): void;
}

const cache = new Map<number, RealFft>();

/** A complex FFT of any size: radix-2 for powers of two, Bluestein otherwise. */
export function createComplexFft(size: number): ComplexFft {
  return isPowerOfTwo(size) ? createRadix2Fft(size) : createBluesteinFft(size);
}

/**
 * Creates (or reuses) the real FFT of `size`. Even sizes pack the N real samples into an N/2-point
 * complex FFT and separate the halves (half the work); odd sizes run the N-point complex FFT.
 * Double precision throughout.
 */
export function createRealFft(size: number): RealFft {
  let fft = cache.get(size);
  if (fft === undefined) {
    fft = size % 2 === 0 && size >= 4 ? packedRealFft(size) : plainRealFft(size);
    if (cache.size > 64) cache.clear();
    cache.set(size, fft);
  }
  return fft;
}

function plainRealFft(size: number): RealFft {
  const complex = createComplexFft(size);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  const bins = Math.floor(size / 2) + 1;
  return {
    size,
    bins,
    forward(input, real, imag) {
      for (let i = 0; i < size; i++) re[i] = input[i]!;
      im.fill(0);
      complex.transform(re, im);
      real.set(re.subarray(0, bins));
      imag.set(im.subarray(0, bins));
    },
  };
}

function packedRealFft(size: number): RealFft {
  const half = size / 2;
  const complex = createComplexFft(half);
  const re = new Float64Array(half);
  const im = new Float64Array(half);
  const cos = new Float64Array(half);
  const sin = new Float64Array(half);
  for (let k = 0; k < half; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / size);
    sin[k] = -Math.sin((2 * Math.PI * k) / size);
  }
  return {
    size,
    bins: half + 1,
    forward(input, real, imag) {
      // z_n = x_{2n} + i x_{2n+1}; Z = FFT(z); X_k = E_k + W^k O_k with E, O from Z_k and conj(Z_{N/2-k}).
      for (let n = 0; n < half; n++) {
        re[n] = input[2 * n]!;
        im[n] = input[2 * n + 1]!;
      }
      complex.transform(re, im);
      for (let k = 0; k <= half; k++) {
        const a = k % half;
        const b = (half - k) % half;
        const zr = re[a]!;
        const zi = im[a]!;
        const cr = re[b]!;
        const ci = -im[b]!;
        const er = (zr + cr) / 2;
        const ei = (zi + ci) / 2;
        const or = (zi - ci) / 2;
        const oi = -(zr - cr) / 2;
        const wr = k === half ? -1 : cos[k]!;
        const wi = k === half ? 0 : sin[k]!;
        real[k] = er + (or * wr - oi * wi);
        imag[k] = ei + (or * wi + oi * wr);
      }
    },
  };
}
