import { describe, expect, it } from 'vitest';
import { goldenArray, goldens, type GoldenEntry } from '../../__fixtures__/fixtures.js';
import { melFilters } from './mel-filters.js';

interface BankCase extends GoldenEntry {
  sampleRate: number;
  fftSize: number;
  melBins: number;
}

describe('melFilters against librosa.filters.mel (Slaney scale and norm, float32)', () => {
  const entries = goldens()['mel-filters'] as Record<string, BankCase>;
  const keys = Object.keys(entries).filter((k) => k.endsWith('-index')).map((k) => k.slice(0, -'-index'.length));
  it.each(keys)('%s', (key) => {
    const entry = entries[`${key}-index`]!;
    const index = goldenArray(entry) as Int32Array;
    const values = goldenArray(entries[`${key}-value`]!) as Float32Array;
    const bank = melFilters({ sampleRate: entry.sampleRate, fftSize: entry.fftSize, melBins: entry.melBins });
    expect(bank).toHaveLength(entry.melBins * (Math.floor(entry.fftSize / 2) + 1));
    const expected = new Float32Array(bank.length);
    index.forEach((at, i) => (expected[at] = values[i]!));
    // Band edges come from exp/log (libm vs V8 differ by an ulp), so weights next to an edge, where
    // a triangle starts from zero by cancellation, differ by ~1e-16 absolute; everything is within
    // a float32 ulp of the largest weight.
    let peak = 0;
    for (const v of expected) peak = Math.max(peak, v);
    let worst = 0;
    bank.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - expected[i]!))));
    expect(worst).toBeLessThanOrEqual(peak * 2 ** -23);
    expect(bank.reduce((n, v) => n + (v > peak * 1e-6 ? 1 : 0), 0)).toBe(expected.reduce((n, v) => n + (v > peak * 1e-6 ? 1 : 0), 0));
  });
});
