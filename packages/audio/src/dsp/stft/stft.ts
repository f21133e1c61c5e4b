import { InvalidArgumentError } from '@jointok/core';
import { createRealFft } from '../fft/real-fft.js';
import { hannWindow } from './hann-window.js';

/** Options of {@link stftMagnitude}. */
export interface StftOptions {
  /** FFT size = window length (any size: radix-2 or Bluestein). */
  windowLength: number;
  /** Samples between frames (default windowLength / 4, floored). */
  hopLength?: number;
  /** Window samples (default the periodic Hann window). */
  window?: Float32Array;
}

/** A magnitude spectrogram: `data[frame * bins + bin]`. */
export interface Spectrogram {
  readonly bins: number;
  readonly frames: number;
  readonly data: Float64Array;
}

/**
 * |STFT| of one channel as `torch.stft(x, n_fft, hop_length, window, center=True,
 * pad_mode='reflect', onesided=True, return_complex=True).abs()` computes it: the signal is
 * reflected by windowLength/2 at both ends, frames start every `hopLength` samples,
 * 1 + floor(length / hop) of them. Computed in double (torch: float32). Reflection needs more
 * samples than windowLength/2: shorter input throws `InvalidArgumentError`, as torch does.
 */
export function stftMagnitude(samples: Float32Array, options: StftOptions): Spectrogram {
  const { windowLength } = options;
  if (!Number.isInteger(windowLength) || windowLength < 2) throw new InvalidArgumentError({ argument: 'options.windowLength', expected: 'an integer ≥ 2', received: windowLength });
  const hop = options.hopLength ?? Math.floor(windowLength / 4);
  if (!Number.isInteger(hop) || hop < 1) throw new InvalidArgumentError({ argument: 'options.hopLength', expected: 'a positive integer', received: hop });
  const window = options.window ?? hannWindow(windowLength);
  if (window.length !== windowLength) throw new InvalidArgumentError({ argument: 'options.window', expected: `${windowLength} samples`, received: window.length });
  const pad = Math.floor(windowLength / 2);
  const length = samples.length;
  if (length <= pad) {
    throw new InvalidArgumentError({ argument: 'samples', expected: `more than ${pad} samples (half the ${windowLength}-sample window, for reflect padding)`, received: `${length} samples` });
  }
  const frames = 1 + Math.floor(length / hop);
  const fft = createRealFft(windowLength);
  const bins = fft.bins;
  const data = new Float64Array(frames * bins);
  const frame = new Float64Array(windowLength);
  const re = new Float64Array(bins);
  const im = new Float64Array(bins);
  for (let t = 0; t < frames; t++) {
    const begin = t * hop - pad;
    for (let n = 0; n < windowLength; n++) {
      let index = begin + n;
      // Reflect without repeating the edge sample: x[-1] = x[1], x[L] = x[L - 2].
      if (index < 0) index = -index;
      else if (index >= length) index = 2 * (length - 1) - index;
      frame[n] = samples[index]! * window[n]!;
    }
    fft.forward(frame, re, im);
    const row = t * bins;
    for (let k = 0; k < bins; k++) data[row + k] = Math.hypot(re[k]!, im[k]!);
  }
  return { bins, frames, data };
}
