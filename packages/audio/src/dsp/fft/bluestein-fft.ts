import { createRadix2Fft, type Radix2Fft } from './radix2-fft.js';

/** A complex FFT of any size. */
export interface ComplexFft {
  readonly size: number;
  /** Forward transform in place. */
  transform(real: Float64Array, imag: Float64Array): void;
}

/**
 * Bluestein's chirp-z FFT for sizes that are not powers of two: X_k = conj(c_k) Σ_n (x_n conj(c_n))
 * c_{k-n} with the chirp c_m = e^{iπ m²/N}, a convolution done with power-of-two FFTs of size
 * M ≥ 2N − 1. The chirp's angle uses m² mod 2N, exact in integers, so large m lose no accuracy.
 */
export function createBluesteinFft(size: number): ComplexFft {
  let padded = 1;
  while (padded < 2 * size - 1) padded <<= 1;
  const inner: Radix2Fft = createRadix2Fft(padded);
  const chirpCos = new Float64Array(size);
  const chirpSin = new Float64Array(size);
  for (let m = 0; m < size; m++) {
    const angle = (Math.PI * Number((BigInt(m) * BigInt(m)) % BigInt(2 * size))) / size;
    chirpCos[m] = Math.cos(angle);
    chirpSin[m] = Math.sin(angle);
  }
  // FFT of the chirp sequence b_m = c_m for |m| < N (wrapped), computed once.
  const filterReal = new Float64Array(padded);
  const filterImag = new Float64Array(padded);
  for (let m = 0; m < size; m++) {
    filterReal[m] = chirpCos[m]!;
    filterImag[m] = chirpSin[m]!;
    if (m > 0) {
      filterReal[padded - m] = chirpCos[m]!;
      filterImag[padded - m] = chirpSin[m]!;
    }
  }
  inner.transform(filterReal, filterImag);
  const workReal = new Float64Array(padded);
  const workImag = new Float64Array(padded);
  return {
    size,
    transform(real, imag) {
      workReal.fill(0);
      workImag.fill(0);
      // a_n = x_n · conj(c_n)
      for (let n = 0; n < size; n++) {
        const c = chirpCos[n]!;
        const s = chirpSin[n]!;
        workReal[n] = real[n]! * c + imag[n]! * s;
        workImag[n] = imag[n]! * c - real[n]! * s;
      }
      inner.transform(workReal, workImag);
      for (let i = 0; i < padded; i++) {
        const ar = workReal[i]!;
        const ai = workImag[i]!;
        const br = filterReal[i]!;
        const bi = filterImag[i]!;
        // Multiply, and conjugate so that the forward FFT below acts as the inverse.
        workReal[i] = ar * br - ai * bi;
        workImag[i] = -(ar * bi + ai * br);
      }
      inner.transform(workReal, workImag);
      // Undo the conjugation, scale by 1/M, and multiply by conj(c_k).
      for (let k = 0; k < size; k++) {
        const yr = workReal[k]! / padded;
        const yi = -workImag[k]! / padded;
        const c = chirpCos[k]!;
        const s = chirpSin[k]!;
        real[k] = yr * c + yi * s;
        imag[k] = yi * c - yr * s;
      }
    },
  };
}
