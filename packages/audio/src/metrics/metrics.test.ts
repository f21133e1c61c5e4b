import { InvalidArgumentError, ShapeMismatchError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, goldens, planarF32 } from '../__fixtures__/fixtures.js';
import type { AudioSignal } from '../signal/audio-signal.js';
import { readWav } from '../wav/read-wav.js';
import { siSdr } from './si-sdr.js';
import { melDistance, stftDistance } from './spectral-distance.js';

interface MetricCase {
  reference: string;
  referenceFrames: number;
  sampleRate: number;
  estimate: string;
  melDistance: number;
  stftDistance: number;
  siSdr: number;
  snr: number;
}

const cases = goldens()['metrics-cases'] as unknown as Record<string, MetricCase>;

function pair(entry: MetricCase): { reference: AudioSignal; estimate: AudioSignal } {
  const source = readWav(fixtureBytes(entry.reference));
  const reference = { sampleRate: source.sampleRate, channels: source.channels.map((c) => c.slice(0, entry.referenceFrames)) };
  const estimate = { sampleRate: entry.sampleRate, channels: planarF32(`goldens/${entry.estimate}`, reference.channels.length) };
  return { reference, estimate };
}

describe('metrics against descript-audio-codec’s losses (audiotools formulas in torch, float32)', () => {
  it.each(Object.keys(cases))('%s: SI-SDR, SNR, mel distance (DAC base.yml), multi-scale STFT distance', (key) => {
    const entry = cases[key]!;
    const { reference, estimate } = pair(entry);
    const report: Record<string, number> = {};
    const check = (name: string, ours: number, theirs: number, relative: number) => {
      report[name] = Math.abs(ours - theirs) / Math.abs(theirs);
      expect(Math.abs(ours - theirs), `${name}: ${ours} vs ${theirs}`).toBeLessThan(relative * Math.abs(theirs));
    };
    check('siSdr', siSdr(reference, estimate), entry.siSdr, 1e-5);
    check('snr', siSdr(reference, estimate, { scaling: false }), entry.snr, 1e-5);
    check('melDistance', melDistance(estimate, reference), entry.melDistance, 1e-5);
    check('stftDistance', stftDistance(estimate, reference), entry.stftDistance, 1e-5);
    if (process.env.JOINTOK_AUDIO_REPORT) console.log(`metrics ${key}: relative differences ${JSON.stringify(report)}`);
  });

  it('gives 0 distance and a very high SI-SDR for identical signals', () => {
    const { reference } = pair(cases['voice-mu-law']!);
    expect(melDistance(reference, reference)).toBe(0);
    expect(stftDistance(reference, reference)).toBe(0);
    expect(siSdr(reference, reference)).toBeGreaterThan(70);
  });

  it('rejects signals that cannot be compared', () => {
    const { reference } = pair(cases['voice-mu-law']!);
    const shorter = { sampleRate: reference.sampleRate, channels: [reference.channels[0]!.slice(1)] };
    expect(() => siSdr(reference, shorter)).toThrow(ShapeMismatchError);
    expect(() => melDistance({ ...reference, sampleRate: 16000 }, reference)).toThrow(InvalidArgumentError);
    const tiny = { sampleRate: 44100, channels: [new Float32Array(500)] };
    expect(() => melDistance(tiny, tiny)).toThrow(InvalidArgumentError);
    expect(() => stftDistance({ sampleRate: 44100, channels: [new Float32Array(0)] }, { sampleRate: 44100, channels: [new Float32Array(0)] })).toThrow(InvalidArgumentError);
  });
});
