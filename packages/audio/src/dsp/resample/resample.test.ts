import { InvalidArgumentError, NonFiniteValueError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, goldenArray, goldens, type GoldenEntry } from '../../__fixtures__/fixtures.js';
import { readWav } from '../../wav/read-wav.js';
import { createResampler } from './create-resampler.js';
import { resample } from './resample.js';
import type { ResampleOptions } from './resample-options.js';

interface ResampleCase extends GoldenEntry {
  fixture: string;
  inputFrames: number;
  fromRate: number;
  toRate: number;
  options: ResampleOptions;
}

const cases = goldens().resample as Record<string, ResampleCase>;

function input(entry: ResampleCase) {
  const audio = readWav(fixtureBytes(entry.fixture));
  return { sampleRate: audio.sampleRate, channels: audio.channels.map((c) => c.slice(0, entry.inputFrames)) };
}

function maxDifference(actual: Float32Array[], expected: Float32Array, shape: number[]): number {
  expect(actual).toHaveLength(shape[0]!);
  let worst = 0;
  actual.forEach((channel, c) => {
    expect(channel).toHaveLength(shape[1]!);
    for (let i = 0; i < channel.length; i++) worst = Math.max(worst, Math.abs(channel[i]! - expected[c * shape[1]! + i]!));
  });
  return worst;
}

describe('resample against torchaudio 0.13 and julius (real recordings)', () => {
  it.each(Object.keys(cases))('%s: within 1e-6 of the reference', (key) => {
    const entry = cases[key]!;
    const out = resample(input(entry), entry.toRate, entry.options);
    expect(out.sampleRate).toBe(entry.toRate);
    const worst = maxDifference(out.channels, goldenArray(entry) as Float32Array, entry.shape);
    expect(worst).toBeLessThan(1e-6);
    if (process.env.JOINTOK_AUDIO_REPORT) console.log(`resample ${key}: max abs difference ${worst.toExponential(2)}`);
  });
});

describe('createResampler (streaming)', () => {
  const voice = readWav(fixtureBytes('voice-44k.wav')).channels[0]!.subarray(0, 6000);
  const methods: ResampleOptions[] = [{ method: 'sinc-hann' }, { method: 'sinc-kaiser' }, { method: 'julius' }, { method: 'julius', full: true }];
  it.each(methods)('gives the whole-signal output bit for bit for any chunking (%o)', (options) => {
    for (const [from, to] of [[44100, 24000], [44100, 16000], [16000, 24000]] as const) {
      const whole = resample({ sampleRate: from, channels: [voice] }, to, options).channels[0]!;
      for (const chunk of [1, 7, 441, 4096]) {
        const resampler = createResampler(from, to, options);
        const parts: number[] = [];
        for (let i = 0; i < voice.length; i += chunk) parts.push(...resampler.push(voice.subarray(i, i + chunk)));
        parts.push(...resampler.end());
        expect(parts.length, `${from}->${to} chunk ${chunk}`).toBe(whole.length);
        expect(new Float32Array(parts)).toEqual(whole);
      }
    }
  });

  it('emits output as input arrives and keeps a bounded buffer', () => {
    const resampler = createResampler(44100, 24000);
    let emitted = 0;
    for (let i = 0; i < 20; i++) emitted += resampler.push(voice.subarray(0, 4410)).length;
    // Everything but the filter's look-ahead (a few dozen samples) is out before end().
    expect(emitted).toBeGreaterThan((20 * 4410 * 24000) / 44100 - 64);
    expect(emitted + resampler.end().length).toBe(Math.ceil((20 * 4410 * 24000) / 44100));
  });

  it('rejects use after end, NaN samples, and bad rates or options', () => {
    const resampler = createResampler(48000, 16000);
    resampler.end();
    expect(() => resampler.push(new Float32Array(4))).toThrow(InvalidArgumentError);
    expect(() => createResampler(48000, 16000).push(new Float32Array([0, Number.POSITIVE_INFINITY]))).toThrow(NonFiniteValueError);
    for (const bad of [0, -16000, 16000.5, Number.NaN]) expect(() => createResampler(48000, bad)).toThrow(InvalidArgumentError);
    expect(() => createResampler(48000, 16000, { method: 'linear' as 'julius' })).toThrow(InvalidArgumentError);
    expect(() => createResampler(48000, 16000, { rolloff: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => createResampler(48000, 16000, { lowpassFilterWidth: 0 })).toThrow(InvalidArgumentError);
    // 44100 -> 44099 reduces to 44100/44099: a filter bank far too large to build.
    expect(() => createResampler(44100, 44099)).toThrow(InvalidArgumentError);
  });
});

describe('resample edge cases', () => {
  it('returns the input for equal rates and handles empty and one-sample signals', () => {
    const audio = { sampleRate: 16000, channels: [new Float32Array([0.5, -0.5])] };
    expect(resample(audio, 16000)).toBe(audio);
    expect(resample({ sampleRate: 16000, channels: [new Float32Array(0)] }, 24000).channels[0]).toHaveLength(0);
    const one = resample({ sampleRate: 16000, channels: [new Float32Array([1])] }, 48000, { method: 'julius' });
    // julius replicates the edge: a constant stays constant (kernels sum to 1).
    expect(one.channels[0]).toHaveLength(3);
    for (const v of one.channels[0]!) expect(v).toBeCloseTo(1, 6);
  });
});
