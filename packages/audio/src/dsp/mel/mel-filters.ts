import { InvalidArgumentError } from '@jointok/core';

/** Options of {@link melFilters}. */
export interface MelFilterOptions {
  sampleRate: number;
  /** FFT size: the bank has fftSize / 2 + 1 columns. */
  fftSize: number;
  melBins: number;
  /** Lowest frequency in Hz (default 0). */
  minFrequency?: number;
  /** Highest frequency in Hz (default sampleRate / 2). */
  maxFrequency?: number;
}

const F_SP = 200 / 3;
const MIN_LOG_HZ = 1000;
const MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
const LOG_STEP = Math.log(6.4) / 27;

function hzToMel(hz: number): number {
  return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
}

function melToHz(mel: number): number {
  return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
}

/**
 * A mel filter bank `[melBins × (fftSize/2 + 1)]` (row-major) as `librosa.filters.mel` builds it
 * with its defaults, which audiotools' `AudioSignal.get_mel_filters` (and so DAC's mel loss) uses:
 * the Slaney mel scale (linear below 1 kHz, logarithmic above; `htk=False`), triangles between
 * consecutive mel-spaced edges over the FFT bin frequencies k · sr / n, and Slaney area
 * normalisation (each triangle scaled by 2 / its width in Hz). librosa returns float32, rounding
 * the triangles before the normalisation multiplies them; so does this.
 */
export function melFilters(options: MelFilterOptions): Float32Array {
  const { sampleRate, fftSize, melBins, minFrequency = 0, maxFrequency = sampleRate / 2 } = options;
  if (!(sampleRate > 0)) throw new InvalidArgumentError({ argument: 'options.sampleRate', expected: 'a positive number', received: sampleRate });
  if (!Number.isInteger(fftSize) || fftSize < 2) throw new InvalidArgumentError({ argument: 'options.fftSize', expected: 'an integer ≥ 2', received: fftSize });
  if (!Number.isInteger(melBins) || melBins < 1) throw new InvalidArgumentError({ argument: 'options.melBins', expected: 'a positive integer', received: melBins });
  if (!(minFrequency >= 0 && maxFrequency > minFrequency)) {
    throw new InvalidArgumentError({ argument: 'options.maxFrequency', expected: `a frequency above minFrequency ${minFrequency}`, received: maxFrequency });
  }
  const columns = Math.floor(fftSize / 2) + 1;
  // numpy's rfftfreq: k * (1 / (n * (1 / sr))).
  const binStep = 1 / (fftSize * (1 / sampleRate));
  const lowMel = hzToMel(minFrequency);
  const highMel = hzToMel(maxFrequency);
  const edges = new Float64Array(melBins + 2);
  // numpy's linspace: start + i * step, the last point exactly the stop.
  const step = (highMel - lowMel) / (melBins + 1);
  for (let i = 0; i < melBins + 2; i++) edges[i] = melToHz(i === melBins + 1 ? highMel : lowMel + i * step);
  const bank = new Float32Array(melBins * columns);
  for (let m = 0; m < melBins; m++) {
    const lowerWidth = edges[m + 1]! - edges[m]!;
    const upperWidth = edges[m + 2]! - edges[m + 1]!;
    const norm = 2 / (edges[m + 2]! - edges[m]!);
    for (let k = 0; k < columns; k++) {
      const frequency = k * binStep;
      const lower = -(edges[m]! - frequency) / lowerWidth;
      const upper = (edges[m + 2]! - frequency) / upperWidth;
      const triangle = Math.max(0, Math.min(lower, upper));
      bank[m * columns + k] = Math.fround(triangle) * norm;
    }
  }
  return bank;
}
