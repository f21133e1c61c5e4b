import { InvalidArgumentError, NonFiniteValueError } from '@jointok/core';
import { firstNonFinite } from '../../signal/check-audio-signal.js';
import { juliusFilter } from './julius-kernel.js';
import type { PolyphaseFilter } from './polyphase-filter.js';
import { checkRate, gcd, resolveResampleOptions, type ResampleOptions } from './resample-options.js';
import { torchaudioFilter } from './torchaudio-kernel.js';

/**
 * A streaming resampler for one channel. `push` takes the next input samples and returns the
 * output samples that no later input can change; `end` returns the rest. Concatenated, the
 * outputs equal `resample` of the whole signal bit for bit, while memory stays bounded by the
 * filter length plus one chunk.
 */
export interface Resampler {
  readonly fromRate: number;
  readonly toRate: number;
  /** Feeds input samples; returns the output samples now final (possibly none). */
  push(samples: Float32Array): Float32Array;
  /** Ends the stream: returns the remaining output samples. The resampler cannot be used after. */
  end(): Float32Array;
  /** Output samples for a whole input of `inputFrames` samples (what `push`es and `end` return in total). */
  outputFrames(inputFrames: number): number;
}

const filterCache = new Map<string, PolyphaseFilter>();

/** The filter for a rate pair and settings, built once per process (kernels are pure functions of them). */
export function resampleFilter(fromRate: number, toRate: number, options: ResampleOptions = {}): PolyphaseFilter {
  const settings = resolveResampleOptions(options);
  const divisor = gcd(checkRate(fromRate, 'fromRate'), checkRate(toRate, 'toRate'));
  const orig = fromRate / divisor;
  const target = toRate / divisor;
  if (orig * target > 2 ** 26) {
    throw new InvalidArgumentError({ argument: 'toRate', expected: `a rate whose ratio to ${fromRate} Hz reduces to small integers (the reduced ratio ${target}/${orig} needs a filter bank of ${orig * target} phases × taps)`, received: toRate });
  }
  const key = `${orig}/${target}/${JSON.stringify(settings)}`;
  let filter = filterCache.get(key);
  if (filter === undefined) {
    filter = settings.method === 'julius' ? juliusFilter(orig, target, settings) : torchaudioFilter(orig, target, settings);
    if (filterCache.size > 32) filterCache.clear();
    filterCache.set(key, filter);
  }
  return filter;
}

/**
 * Creates a streaming resampler (one channel) from `fromRate` to `toRate` Hz with the filters of
 * `resample` (see `ResampleOptions`). Equal rates pass samples through.
 */
export function createResampler(fromRate: number, toRate: number, options: ResampleOptions = {}): Resampler {
  const filter = fromRate === toRate ? undefined : resampleFilter(fromRate, toRate, options);
  return filter === undefined ? passThrough(checkRate(fromRate, 'fromRate')) : polyphaseResampler(filter, fromRate, toRate);
}

function passThrough(rate: number): Resampler {
  let ended = false;
  return {
    fromRate: rate,
    toRate: rate,
    outputFrames: (inputFrames) => inputFrames,
    push(samples) {
      if (ended) throw endedError();
      checkFinite(samples, 0);
      return samples.slice();
    },
    end() {
      ended = true;
      return new Float32Array(0);
    },
  };
}

function endedError(): InvalidArgumentError {
  return new InvalidArgumentError({ argument: 'resampler', expected: 'a resampler that has not ended', received: 'a call after end()' });
}

function checkFinite(samples: Float32Array, consumed: number): void {
  if (!(samples instanceof Float32Array)) throw new InvalidArgumentError({ argument: 'samples', expected: 'a Float32Array', received: samples });
  const bad = firstNonFinite(samples);
  if (bad >= 0) throw new NonFiniteValueError({ argument: 'samples', index: consumed + bad, value: samples[bad] as number });
}

function polyphaseResampler(filter: PolyphaseFilter, fromRate: number, toRate: number): Resampler {
  const { inputStep, outputStep, padding, edge, start, length, offset, taps } = filter;
  // Lowest tap position over all phases, relative to k * inputStep: input before it is dropped.
  let reachBack = Infinity;
  for (let j = 0; j < outputStep; j++) reachBack = Math.min(reachBack, (start[j] as number) - padding);
  let buffer = new Float32Array(1024);
  let bufferStart = 0; // input index of buffer[0]
  let buffered = 0; // samples held
  let received = 0; // input samples seen
  let produced = 0; // output samples emitted
  let first = 0; // x[0], replicated before the start (julius)
  let ended = false;

  const sample = (index: number, total: number): number => {
    if (index < 0) return edge === 'zero' ? 0 : first;
    if (index >= total) return edge === 'zero' ? 0 : (buffer[total - 1 - bufferStart] as number);
    return buffer[index - bufferStart] as number;
  };

  // Output n = k * outputStep + j from phase j at input position k * inputStep - padding. Outputs
  // whose taps all lie in the buffer take the tight loop; the few at the edges go through sample().
  const computeRange = (from: number, to: number, total: number, out: Float32Array): void => {
    let k = Math.floor(from / outputStep);
    let j = from - k * outputStep;
    const available = Math.min(total, bufferStart + buffered);
    // Locals: `buffer` is reassigned when it grows, and a closure variable is reloaded on every use.
    const input = buffer;
    const origin = bufferStart;
    for (let n = from; n < to; n++) {
      const first = k * inputStep - padding + (start[j] as number);
      const count = length[j] as number;
      const tapOffset = offset[j] as number;
      // Four partial sums (tap m goes to sum m mod 4), combined pairwise: independent chains run
      // in parallel on the CPU. Both paths use the same order, so every output is the same
      // whatever the chunking.
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      const whole = count & ~3;
      if (first >= origin && first + count <= available) {
        const base = first - origin;
        const t = tapOffset;
        let m = 0;
        for (; m < whole; m += 4) {
          s0 += (taps[t + m] as number) * (input[base + m] as number);
          s1 += (taps[t + m + 1] as number) * (input[base + m + 1] as number);
          s2 += (taps[t + m + 2] as number) * (input[base + m + 2] as number);
          s3 += (taps[t + m + 3] as number) * (input[base + m + 3] as number);
        }
        if (m < count) s0 += (taps[t + m] as number) * (input[base + m] as number);
        if (m + 1 < count) s1 += (taps[t + m + 1] as number) * (input[base + m + 1] as number);
        if (m + 2 < count) s2 += (taps[t + m + 2] as number) * (input[base + m + 2] as number);
      } else {
        for (let m = 0; m < count; m++) {
          const product = (taps[tapOffset + m] as number) * sample(first + m, total);
          if ((m & 3) === 0) s0 += product;
          else if ((m & 3) === 1) s1 += product;
          else if ((m & 3) === 2) s2 += product;
          else s3 += product;
        }
      }
      const sum = s0 + s1 + (s2 + s3);
      out[n - from] = sum;
      if (++j === outputStep) {
        j = 0;
        k++;
      }
    }
  };

  const emit = (limit: number, total: number): Float32Array => {
    const count = Math.max(0, limit - produced);
    const out = new Float32Array(count);
    computeRange(produced, produced + count, total, out);
    produced += count;
    // Drop input no later output needs.
    const nextK = Math.floor(produced / outputStep);
    const keepFrom = Math.max(0, nextK * inputStep + reachBack);
    if (keepFrom > bufferStart) {
      const drop = Math.min(keepFrom - bufferStart, buffered);
      buffer.copyWithin(0, drop, buffered);
      bufferStart += drop;
      buffered -= drop;
    }
    return out;
  };

  return {
    fromRate,
    toRate,
    outputFrames: (inputFrames) => filter.outputFrames(inputFrames),
    push(samples) {
      if (ended) throw endedError();
      checkFinite(samples, received);
      if (samples.length === 0) return new Float32Array(0);
      if (received === 0) first = samples[0] as number;
      if (buffered + samples.length > buffer.length) {
        const grown = new Float32Array(Math.max(buffer.length * 2, buffered + samples.length));
        grown.set(buffer.subarray(0, buffered));
        buffer = grown;
      }
      buffer.set(samples, buffered);
      buffered += samples.length;
      received += samples.length;
      // Output n is final once its last tap lies before `received`.
      let ready = produced;
      for (;;) {
        const k = Math.floor(ready / outputStep);
        const j = ready - k * outputStep;
        const last = k * inputStep - padding + (start[j] as number) + (length[j] as number) - 1;
        if (last >= received) break;
        ready++;
      }
      return emit(ready, Number.POSITIVE_INFINITY);
    },
    end() {
      if (ended) throw endedError();
      ended = true;
      if (received === 0) return new Float32Array(0);
      return emit(filter.outputFrames(received), received);
    },
  };
}
