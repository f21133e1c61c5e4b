/**
 * The resampling filters of Pillow's `Image.resize`, with its kernels and supports
 * (libImaging/Resample.c). Each kernel is evaluated in double precision exactly as Pillow writes it,
 * including the float32 constants of the Hamming window, because the coefficients are later rounded
 * to 22-bit fixed point and a different last bit can change a pixel.
 */
export type ResizeFilter = 'nearest' | 'box' | 'bilinear' | 'hamming' | 'bicubic' | 'lanczos';

/** Every filter name, in Pillow's enum order (NEAREST=0, LANCZOS=1, BILINEAR=2, BICUBIC=3, BOX=4, HAMMING=5). */
export const resizeFilters: readonly ResizeFilter[] = ['nearest', 'lanczos', 'bilinear', 'bicubic', 'box', 'hamming'];

/** A separable kernel: `evaluate(x)` for a distance in input pixels, zero outside `[-support, support]`. */
export interface ResampleKernel {
  readonly support: number;
  readonly evaluate: (x: number) => number;
}

const hammingBase = Math.fround(0.54);
const hammingCosine = Math.fround(0.46);

function sinc(x: number): number {
  if (x === 0) return 1;
  const t = x * Math.PI;
  return Math.sin(t) / t;
}

/** The kernels of the convolution filters (every filter but `nearest`, which Pillow runs as an affine map). */
export const resampleKernels: Readonly<Record<Exclude<ResizeFilter, 'nearest'>, ResampleKernel>> = {
  box: { support: 0.5, evaluate: (x) => (x > -0.5 && x <= 0.5 ? 1 : 0) },
  bilinear: {
    support: 1,
    evaluate: (x) => {
      const a = x < 0 ? -x : x;
      return a < 1 ? 1 - a : 0;
    },
  },
  hamming: {
    support: 1,
    evaluate: (x) => {
      let a = x < 0 ? -x : x;
      if (a === 0) return 1;
      if (a >= 1) return 0;
      a = a * Math.PI;
      return (Math.sin(a) / a) * (hammingBase + hammingCosine * Math.cos(a));
    },
  },
  bicubic: {
    // Keys' cubic convolution with a = -0.5, as Pillow evaluates it term by term.
    support: 2,
    evaluate: (x) => {
      const a = x < 0 ? -x : x;
      if (a < 1) return (1.5 * a - 2.5) * a * a + 1;
      if (a < 2) return (((a - 5) * a + 8) * a - 4) * -0.5;
      return 0;
    },
  },
  lanczos: { support: 3, evaluate: (x) => (x >= -3 && x < 3 ? sinc(x) * sinc(x / 3) : 0) },
};
