import { InvalidArgumentError } from '@jointok/core';
import { melFilters } from '../dsp/mel/mel-filters.js';
import { stftMagnitude } from '../dsp/stft/stft.js';
import type { AudioSignal } from '../signal/audio-signal.js';
import { checkPair } from './check-pair.js';

/** Settings shared by the spectral distances: how each magnitude is compared. */
export interface SpectralDistanceOptions {
  /** STFT window lengths (hop = length / 4, periodic Hann, centred with reflection). */
  windowLengths?: readonly number[];
  /** Floor of the magnitudes before the log (default 1e-5). */
  clampEps?: number;
  /** Weight of the L1 distance of raw magnitudes. */
  magWeight?: number;
  /** Weight of the L1 distance of log10 magnitudes (default 1). */
  logWeight?: number;
  /** Power of the magnitudes inside the log. */
  pow?: number;
}

/** Options of {@link melDistance}: DAC's `MelSpectrogramLoss` settings (conf/base.yml) by default. */
export interface MelDistanceOptions extends SpectralDistanceOptions {
  /** Mel bins per window length (default [5, 10, 20, 40, 80, 160, 320]). */
  melBins?: readonly number[];
  /** Lowest mel frequency per window (default 0). */
  minFrequencies?: readonly number[];
  /** Highest mel frequency per window (default null: sampleRate / 2). */
  maxFrequencies?: readonly (number | null)[];
}

/** L1 (mean absolute) distances between two magnitude arrays of one scale: [raw, log10]. */
function l1Pair(a: Float64Array, b: Float64Array, eps: number, pow: number): [number, number] {
  let raw = 0;
  let log = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    raw += Math.abs(x - y);
    log += Math.abs(Math.log10(Math.max(x, eps) ** pow) - Math.log10(Math.max(y, eps) ** pow));
  }
  return [raw / a.length, log / a.length];
}

function checkWindows(windowLengths: readonly number[], frames: number): void {
  if (!Array.isArray(windowLengths) || windowLengths.length === 0) throw new InvalidArgumentError({ argument: 'options.windowLengths', expected: 'a non-empty array of window lengths', received: windowLengths });
  const longest = Math.max(...windowLengths);
  if (frames <= Math.floor(longest / 2)) throw new InvalidArgumentError({ argument: 'reference', expected: `more than ${Math.floor(longest / 2)} frames for a ${longest}-sample window`, received: `${frames} frames` });
}

/** Magnitudes of every channel at one window length, concatenated. */
function magnitudes(audio: AudioSignal, windowLength: number): { bins: number; frames: number; data: Float64Array[] } {
  const data = audio.channels.map((channel) => stftMagnitude(channel, { windowLength, hopLength: Math.floor(windowLength / 4) }));
  return { bins: data[0]!.bins, frames: data[0]!.frames, data: data.map((s) => s.data) };
}

function concat(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Multi-scale mel distance of descript-audio-codec's `MelSpectrogramLoss` with conf/base.yml's
 * settings (windows 32 … 2048, 5 … 320 mels, fmin 0, fmax sr/2, clamp 1e-5, pow 1, mag weight 0,
 * log weight 1): for each scale, the mel spectrogram (|STFT| times librosa's Slaney filter bank)
 * of both signals, then logWeight · mean|log10(max(x, eps)^pow) − log10(max(y, eps)^pow)| +
 * magWeight · mean|x − y|, summed over scales. Lower is better; 0 for identical signals.
 */
export function melDistance(estimate: AudioSignal, reference: AudioSignal, options: MelDistanceOptions = {}): number {
  checkPair(estimate, reference);
  const {
    windowLengths = [32, 64, 128, 256, 512, 1024, 2048],
    melBins = [5, 10, 20, 40, 80, 160, 320],
    minFrequencies = windowLengths.map(() => 0),
    maxFrequencies = windowLengths.map(() => null),
    clampEps = 1e-5,
    magWeight = 0,
    logWeight = 1,
    pow = 1,
  } = options;
  checkWindows(windowLengths, reference.channels[0]!.length);
  if (melBins.length !== windowLengths.length || minFrequencies.length !== windowLengths.length || maxFrequencies.length !== windowLengths.length) {
    throw new InvalidArgumentError({ argument: 'options.melBins', expected: `one entry per window length (${windowLengths.length}) in melBins, minFrequencies and maxFrequencies`, received: melBins.length });
  }
  let total = 0;
  windowLengths.forEach((windowLength, s) => {
    const bank = melFilters({
      sampleRate: reference.sampleRate,
      fftSize: windowLength,
      melBins: melBins[s]!,
      minFrequency: minFrequencies[s]!,
      maxFrequency: maxFrequencies[s] ?? reference.sampleRate / 2,
    });
    const x = concat(magnitudes(estimate, windowLength).data.map((m) => applyBank(m, bank, melBins[s]!)));
    const y = concat(magnitudes(reference, windowLength).data.map((m) => applyBank(m, bank, melBins[s]!)));
    const [raw, log] = l1Pair(x, y, clampEps, pow);
    total += logWeight * log + magWeight * raw;
  });
  return total;
}

/** Mel spectrogram of one channel: frames × bins magnitudes times the [mels × bins] bank. */
function applyBank(spectrogram: Float64Array, bank: Float32Array, mels: number): Float64Array {
  const bins = bank.length / mels;
  const frames = spectrogram.length / bins;
  const out = new Float64Array(frames * mels);
  for (let t = 0; t < frames; t++) {
    for (let m = 0; m < mels; m++) {
      let sum = 0;
      const row = m * bins;
      const column = t * bins;
      for (let k = 0; k < bins; k++) {
        const w = bank[row + k]!;
        if (w !== 0) sum += w * spectrogram[column + k]!;
      }
      out[t * mels + m] = sum;
    }
  }
  return out;
}

/**
 * Multi-scale STFT distance of descript-audio-codec's `MultiScaleSTFTLoss` with its defaults (the
 * windows [2048, 512] of conf/base.yml, clamp 1e-5, pow 2, mag and log weights 1): per scale
 * logWeight · mean|log10(max(|X|, eps)^pow) − log10(max(|Y|, eps)^pow)| + magWeight · mean||X| − |Y||,
 * summed. Lower is better.
 */
export function stftDistance(estimate: AudioSignal, reference: AudioSignal, options: SpectralDistanceOptions = {}): number {
  checkPair(estimate, reference);
  const { windowLengths = [2048, 512], clampEps = 1e-5, magWeight = 1, logWeight = 1, pow = 2 } = options;
  checkWindows(windowLengths, reference.channels[0]!.length);
  let total = 0;
  for (const windowLength of windowLengths) {
    const x = concat(magnitudes(estimate, windowLength).data);
    const y = concat(magnitudes(reference, windowLength).data);
    const [raw, log] = l1Pair(x, y, clampEps, pow);
    total += logWeight * log + magWeight * raw;
  }
  return total;
}
