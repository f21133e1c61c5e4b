import { InvalidArgumentError } from '@jointok/core';

/**
 * The resampling filters of the references the codecs use:
 * - `'sinc-hann'`: `torchaudio.functional.resample(..., resampling_method='sinc_interpolation')`
 *   (EnCodec's `convert_audio`, most torchaudio pipelines); defaults width 6, rolloff 0.99.
 * - `'sinc-kaiser'`: the same with `resampling_method='kaiser_window'`; default β 14.769656459379492.
 * - `'julius'`: `julius.resample_frac` (descript-audio-codec / audiotools `AudioSignal.resample`);
 *   defaults zeros 24, rolloff 0.945, edges replicated, output length floored.
 */
export type ResampleMethod = 'sinc-hann' | 'sinc-kaiser' | 'julius';

/** Options of `resample` and `createResampler`. */
export interface ResampleOptions {
  /** Default `'sinc-hann'`. */
  method?: ResampleMethod;
  /** Zero crossings of the sinc kept on each side: torchaudio's `lowpass_filter_width` (default 6), julius's `zeros` (default 24). */
  lowpassFilterWidth?: number;
  /** Cutoff as a fraction of the lower Nyquist frequency (default 0.99 for torchaudio, 0.945 for julius). */
  rolloff?: number;
  /** Kaiser window shape (`'sinc-kaiser'` only; default 14.769656459379492, torchaudio's). */
  beta?: number;
  /** julius's `full=True`: output ceil(n · new / old) samples instead of the floor (`'julius'` only). */
  full?: boolean;
  /**
   * Arithmetic of torchaudio's kernel: `'float32'` (default) as `torchaudio.functional.resample`
   * builds it for a float32 waveform; `'float64'` as `torchaudio.transforms.Resample` does (double,
   * rounded once; EnCodec's `convert_audio` uses the transform). The two differ by ~1e-6.
   */
  kernelPrecision?: 'float32' | 'float64';
}

/** Resolved filter settings. */
export interface ResampleSettings {
  readonly method: ResampleMethod;
  readonly lowpassFilterWidth: number;
  readonly rolloff: number;
  readonly beta: number;
  readonly full: boolean;
  readonly kernelPrecision: 'float32' | 'float64';
}

const methods: readonly ResampleMethod[] = ['sinc-hann', 'sinc-kaiser', 'julius'];

/** Checks resampling options and fills in each method's defaults. */
export function resolveResampleOptions(options: ResampleOptions = {}): ResampleSettings {
  const method = options.method ?? 'sinc-hann';
  if (!methods.includes(method)) throw new InvalidArgumentError({ argument: 'options.method', expected: methods.map((m) => `'${m}'`).join(', '), received: method });
  const julius = method === 'julius';
  const lowpassFilterWidth = options.lowpassFilterWidth ?? (julius ? 24 : 6);
  if (!Number.isInteger(lowpassFilterWidth) || lowpassFilterWidth <= 0 || lowpassFilterWidth > 1024) {
    throw new InvalidArgumentError({ argument: 'options.lowpassFilterWidth', expected: 'an integer from 1 to 1024', received: lowpassFilterWidth });
  }
  const rolloff = options.rolloff ?? (julius ? 0.945 : 0.99);
  if (typeof rolloff !== 'number' || !(rolloff > 0 && rolloff <= 1)) throw new InvalidArgumentError({ argument: 'options.rolloff', expected: 'a number in (0, 1]', received: rolloff });
  const beta = options.beta ?? 14.769656459379492;
  if (typeof beta !== 'number' || !Number.isFinite(beta) || beta < 0) throw new InvalidArgumentError({ argument: 'options.beta', expected: 'a finite number ≥ 0', received: beta });
  const kernelPrecision = options.kernelPrecision ?? 'float32';
  if (kernelPrecision !== 'float32' && kernelPrecision !== 'float64') {
    throw new InvalidArgumentError({ argument: 'options.kernelPrecision', expected: "'float32' or 'float64'", received: kernelPrecision });
  }
  return { method, lowpassFilterWidth, rolloff, beta, full: options.full === true, kernelPrecision };
}

/** Checks a sample rate argument: a positive integer (the references reduce the ratio by the gcd). */
export function checkRate(rate: unknown, argument: string): number {
  if (typeof rate !== 'number' || !Number.isInteger(rate) || rate <= 0 || rate > 2 ** 31) {
    throw new InvalidArgumentError({ argument, expected: 'a positive integer sample rate (Hz)', received: rate });
  }
  return rate;
}

/** Greatest common divisor of two positive integers. */
export function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
