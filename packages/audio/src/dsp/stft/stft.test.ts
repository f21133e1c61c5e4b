import { InvalidArgumentError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, goldenArray, goldens, type GoldenEntry } from '../../__fixtures__/fixtures.js';
import { readWav } from '../../wav/read-wav.js';
import { stftMagnitude } from './stft.js';

interface StftCase extends GoldenEntry {
  inputFrames: number;
  windowLength: number;
  hopLength: number;
}

describe('stftMagnitude against torch.stft(center=True, reflect, periodic Hann).abs()', () => {
  const cases = goldens().stft as Record<string, StftCase>;
  const voice = readWav(fixtureBytes('voice-44k.wav')).channels[0]!;
  it.each(Object.keys(cases))('%s', (key) => {
    const entry = cases[key]!;
    const ours = stftMagnitude(voice.subarray(0, entry.inputFrames), { windowLength: entry.windowLength, hopLength: entry.hopLength });
    const expected = goldenArray(entry) as Float32Array; // torch layout [bins, frames]
    const [bins, frames] = entry.shape as [number, number];
    expect([ours.bins, ours.frames]).toEqual([bins, frames]);
    let peak = 0;
    for (const v of expected) peak = Math.max(peak, v);
    let worst = 0;
    for (let k = 0; k < bins; k++) for (let t = 0; t < frames; t++) worst = Math.max(worst, Math.abs(ours.data[t * bins + k]! - expected[k * frames + t]!));
    // torch works in float32: differences are float32 rounding of the largest magnitudes.
    if (process.env.JOINTOK_AUDIO_REPORT) console.log(`stft ${key}: max difference / peak ${(worst / peak).toExponential(2)}`);
    expect(worst / peak).toBeLessThan(2e-6);
  });

  it('needs more samples than half the window, as torch does', () => {
    expect(() => stftMagnitude(new Float32Array(1024), { windowLength: 2048 })).toThrow(InvalidArgumentError);
    expect(stftMagnitude(new Float32Array(1025), { windowLength: 2048 }).frames).toBe(3);
  });
});
