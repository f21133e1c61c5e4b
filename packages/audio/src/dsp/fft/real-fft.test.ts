import { describe, expect, it } from 'vitest';
import { createComplexFft, createRealFft } from './real-fft.js';

/** The DFT by definition, in double: the slow reference. */
function dft(x: Float64Array): { re: Float64Array; im: Float64Array } {
  const n = x.length;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    for (let t = 0; t < n; t++) {
      const angle = (-2 * Math.PI * ((k * t) % n)) / n;
      re[k]! += x[t]! * Math.cos(angle);
      im[k]! += x[t]! * Math.sin(angle);
    }
  }
  return { re, im };
}

function signal(n: number, seed: number): Float64Array {
  let state = seed;
  return Float64Array.from({ length: n }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 1073741824 - 1;
  });
}

describe('FFT (radix-2, packed real, Bluestein) against the DFT by definition', () => {
  it.each([1, 2, 3, 4, 5, 8, 12, 30, 64, 100, 400, 441, 480, 512, 1000, 1023])('size %i', (n) => {
    const x = signal(n, n);
    const reference = dft(x);
    const fft = createRealFft(n);
    const re = new Float64Array(fft.bins);
    const im = new Float64Array(fft.bins);
    fft.forward(x, re, im);
    expect(fft.bins).toBe(Math.floor(n / 2) + 1);
    const tolerance = 1e-12 * n;
    for (let k = 0; k < fft.bins; k++) {
      expect(Math.abs(re[k]! - reference.re[k]!)).toBeLessThan(tolerance);
      expect(Math.abs(im[k]! - reference.im[k]!)).toBeLessThan(tolerance);
    }
  });

  it('transforms complex input of any size', () => {
    for (const n of [6, 7, 16, 97]) {
      const re = signal(n, 1);
      const im = signal(n, 2);
      const fft = createComplexFft(n);
      const outRe = re.slice();
      const outIm = im.slice();
      fft.transform(outRe, outIm);
      // Linearity: DFT(re) + i DFT(im).
      const a = dft(re);
      const b = dft(im);
      for (let k = 0; k < n; k++) {
        expect(outRe[k]).toBeCloseTo(a.re[k]! - b.im[k]!, 10);
        expect(outIm[k]).toBeCloseTo(a.im[k]! + b.re[k]!, 10);
      }
    }
  });
});
