import { InvalidArgumentError, ShapeMismatchError } from '@jointok/core';

/** One noise input of a decoder run: which input, and which of its samples (absolute positions in the whole signal). */
export interface NoiseRequest {
  /** The graph input's name (`noise.0`). */
  readonly name: string;
  /** Its index among the decoder's noise inputs (the decoder block it feeds). */
  readonly index: number;
  /** The position of the first sample in that input's time axis, counted from the start of the whole signal. */
  readonly start: number;
  readonly length: number;
}

/** Gives the samples of one noise input; must return `request.length` samples. */
export type NoiseSource = (request: NoiseRequest) => Float32Array;

/**
 * The noise a decoder with noise inputs (SNAC) gets: `'zeros'` removes the noise term (reproducible; what
 * the goldens use); `{ seed }` gives unit Gaussian noise that is a pure function of the seed, the input
 * and the absolute sample position, so streamed and whole-signal decoding draw the same noise; a function
 * supplies the samples itself (e.g. the tensors `torch.randn` draws, which reproduces the reference).
 */
export type NoiseOption = 'zeros' | { readonly seed: number } | NoiseSource;

/** Checks a noise option (from `familyOptions.noise` or a decode call). */
export function readNoiseOption(value: unknown, argument: string): NoiseOption {
  if (value === 'zeros' || typeof value === 'function') return value as NoiseOption;
  const seed = (value as { seed?: unknown } | null)?.seed;
  if (typeof value === 'object' && value !== null && Number.isSafeInteger(seed)) return { seed: seed as number };
  throw new InvalidArgumentError({ argument, expected: "'zeros', { seed: integer } or a function (request) => Float32Array", received: value });
}

/** The samples of one noise input under an option. */
export function noiseSamples(option: NoiseOption, request: NoiseRequest): Float32Array {
  if (option === 'zeros') return new Float32Array(request.length);
  if (typeof option === 'function') {
    const samples = option(request);
    if (!(samples instanceof Float32Array) || samples.length !== request.length) {
      throw new ShapeMismatchError({ argument: `noise(${request.name})`, expected: `a Float32Array of ${request.length} samples`, received: samples instanceof Float32Array ? samples.length : samples });
    }
    return samples;
  }
  return seededGaussian(option.seed, request.index, request.start, request.length);
}

// A 32-bit integer finaliser (the "lowbias32" mixer): every input bit affects every output bit.
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * Unit Gaussian samples `start … start + length − 1` of stream `stream` under `seed`: each sample is
 * Box–Muller of two uniforms hashed from (seed, stream, position), so any window of the stream can be
 * drawn on its own and equals the same window of a longer draw.
 */
export function seededGaussian(seed: number, stream: number, start: number, length: number): Float32Array {
  const out = new Float32Array(length);
  const key = mix32(mix32(seed >>> 0) ^ Math.imul(stream + 1, 0x9e3779b9) ^ mix32(Math.floor(seed / 2 ** 32)));
  for (let i = 0; i < length; i++) {
    const position = start + i;
    const h1 = mix32(key ^ mix32(position >>> 0) ^ Math.imul(Math.floor(position / 2 ** 32), 0x85ebca6b));
    const h2 = mix32(h1 ^ 0x68e31da4);
    const u1 = (h1 + 0.5) / 2 ** 32;
    const u2 = (h2 + 0.5) / 2 ** 32;
    out[i] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
  return out;
}
