import { InvalidArgumentError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, goldenArray, goldens, type GoldenEntry } from '../../__fixtures__/fixtures.js';
import { readWav } from '../../wav/read-wav.js';
import { mixChannels, mixToMono } from './mix-channels.js';

describe('mixToMono against torch.mean(dim=channels)', () => {
  const cases = goldens().mix as Record<string, GoldenEntry & { fixture: string }>;
  it.each(Object.keys(cases))('%s: bit for bit in stereo, within an ulp beyond', (key) => {
    const entry = cases[key]!;
    const audio = readWav(fixtureBytes(entry.fixture));
    const mono = mixToMono(audio).channels[0]!;
    const expected = goldenArray(entry) as Float32Array;
    if (audio.channels.length === 2) {
      expect(mono).toEqual(expected);
      return;
    }
    // torch sums most columns in channel order but the last columns of a row with four
    // interleaved accumulators, so beyond two channels its rounding depends on the position.
    expect(audio.channels.length).toBeGreaterThan(2);
    let worst = 0;
    mono.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - expected[i]!) / Math.max(Math.abs(expected[i]!), 2 ** -20))));
    expect(worst).toBeLessThanOrEqual(2 ** -23);
  });
});

describe('mixChannels policies', () => {
  const stereo = { sampleRate: 8000, channels: [new Float32Array([1, 2]), new Float32Array([3, 4])] };
  it('mean, first, none, and mono repeated to stereo', () => {
    expect(mixChannels(stereo, { channels: 1 }).channels).toEqual([new Float32Array([2, 3])]);
    expect(mixChannels(stereo, { channels: 1, mix: 'first' }).channels).toEqual([new Float32Array([1, 2])]);
    expect(mixChannels(stereo, { mix: 'none' })).toBe(stereo);
    const mono = { sampleRate: 8000, channels: [new Float32Array([5, 6])] };
    expect(mixChannels(mono, { channels: 2 }).channels).toEqual([new Float32Array([5, 6]), new Float32Array([5, 6])]);
  });

  it('rejects what no policy defines', () => {
    const three = { sampleRate: 8000, channels: [...stereo.channels, new Float32Array(2)] };
    expect(() => mixChannels(three, { channels: 2, mix: 'mean' })).toThrow(InvalidArgumentError);
    expect(() => mixChannels(stereo, { channels: 3, mix: 'first' })).toThrow(InvalidArgumentError);
    expect(() => mixChannels(stereo, { channels: 0 })).toThrow(InvalidArgumentError);
    expect(() => mixChannels(stereo, { channels: 1, mix: 'median' as 'mean' })).toThrow(InvalidArgumentError);
  });
});
