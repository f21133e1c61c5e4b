/**
 * In-place iterative radix-2 complex FFT of a power-of-two size (forward: e^{-2πi kn/N}), on
 * separate real and imaginary Float64Arrays. Twiddles and the bit-reversal permutation are
 * computed once per size.
 */
export interface Radix2Fft {
  readonly size: number;
  transform(real: Float64Array, imag: Float64Array): void;
}

/** True for 1, 2, 4, 8, ... */
export function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/** Creates the radix-2 FFT of `size` (a power of two). */
export function createRadix2Fft(size: number): Radix2Fft {
  const levels = Math.round(Math.log2(size));
  const reversed = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    let r = 0;
    for (let b = 0, v = i; b < levels; b++, v >>= 1) r = (r << 1) | (v & 1);
    reversed[i] = r;
  }
  // cos/sin of -2πk/N for k < N/2, computed directly (not by recurrence) for accuracy.
  const half = size >> 1;
  const cos = new Float64Array(half);
  const sin = new Float64Array(half);
  for (let k = 0; k < half; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / size);
    sin[k] = -Math.sin((2 * Math.PI * k) / size);
  }
  return {
    size,
    transform(real, imag) {
      for (let i = 0; i < size; i++) {
        const j = reversed[i]!;
        if (j > i) {
          const tr = real[i]!;
          real[i] = real[j]!;
          real[j] = tr;
          const ti = imag[i]!;
          imag[i] = imag[j]!;
          imag[j] = ti;
        }
      }
      for (let span = 1, stride = half; span < size; span <<= 1, stride >>= 1) {
        for (let start = 0; start < size; start += span << 1) {
          for (let k = 0, t = 0; k < span; k++, t += stride) {
            const a = start + k;
            const b = a + span;
            const wr = cos[t]!;
            const wi = sin[t]!;
            const br = real[b]! * wr - imag[b]! * wi;
            const bi = real[b]! * wi + imag[b]! * wr;
            real[b] = real[a]! - br;
            imag[b] = imag[a]! - bi;
            real[a] = real[a]! + br;
            imag[a] = imag[a]! + bi;
          }
        }
      }
    },
  };
}
