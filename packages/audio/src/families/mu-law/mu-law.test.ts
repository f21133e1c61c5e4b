import { CodeOutOfRangeError, InvalidArgumentError, NonFiniteValueError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { goldenArray, goldens, type GoldenEntry } from '../../__fixtures__/fixtures.js';
import { muLawDecode, muLawEncode } from './mu-law.js';

const golden = goldens()['mu-law'] as Record<string, GoldenEntry> & { int16RunStarts: number[]; quantizationChannels: number };
const array = (key: string) => goldenArray(golden[key] as GoldenEntry);

describe('muLawEncode against torchaudio.functional.mu_law_encoding (256 levels)', () => {
  it('gives torch’s code for every int16 / 32768 input (where each code’s run starts)', () => {
    const inputs = new Float32Array(65536);
    for (let i = 0; i < 65536; i++) inputs[i] = (i - 32768) / 32768;
    const codes = muLawEncode(inputs);
    const starts = golden.int16RunStarts;
    for (let k = 0; k < 256; k++) {
      const end = k + 1 < 256 ? starts[k + 1]! : 65536;
      for (let i = starts[k]!; i < end; i++) if (codes[i] !== k) expect.fail(`int16 ${i - 32768}: code ${codes[i]}, torch ${k}`);
    }
  });

  it('matches on every float32 within 16 ulps of each decision boundary, but one documented input', () => {
    const inputs = array('boundary-inputs') as Float32Array;
    const expected = array('boundary-codes') as Uint8Array;
    const codes = muLawEncode(inputs);
    const mismatches: string[] = [];
    codes.forEach((code, i) => {
      if (code !== expected[i]) mismatches.push(`${inputs[i]}: ${code} vs torch ${expected[i]}`);
    });
    expect(inputs.length).toBeGreaterThan(8000);
    // torch's vectorised float32 log1p(238.83224) = 5.4799394607543945, 1 ulp below the correctly
    // rounded 5.479939937591553 (the exact value lies 1e-4 ulp from their midpoint); the code flips
    // 1 → 2. No other float32 in [-1.02, 1.02] differs (make_audio_goldens.py --exhaustive).
    expect(mismatches).toEqual(['-0.9365970492362976: 1 vs torch 2']);
  });

  it('matches on edges: ±0, ±1, subnormals, tiny values, values just beyond ±1 and far beyond', () => {
    const inputs = array('edge-inputs') as Float32Array;
    expect(Array.from(muLawEncode(inputs))).toEqual(Array.from(array('edge-codes')));
  });

  it('matches on a resampled (off-grid) real signal', () => {
    expect(Array.from(muLawEncode(array('resampled-voice-inputs') as Float32Array))).toEqual(Array.from(array('resampled-voice-codes')));
  });

  it('rejects NaN, infinities and overflowing magnitudes, and bad level counts', () => {
    expect(() => muLawEncode(new Float32Array([0, Number.NaN]))).toThrow(NonFiniteValueError);
    expect(() => muLawEncode(new Float32Array([Number.NEGATIVE_INFINITY]))).toThrow(NonFiniteValueError);
    expect(() => muLawEncode(new Float32Array([3e38]))).toThrow(InvalidArgumentError);
    expect(() => muLawEncode(new Float32Array(1), 1)).toThrow(InvalidArgumentError);
    expect(() => muLawEncode(new Float32Array(1), 255.5)).toThrow(InvalidArgumentError);
  });
});

describe('muLawDecode against torchaudio.functional.mu_law_decoding', () => {
  it('decodes every one of the 256 codes bit for bit', () => {
    const codes = Int32Array.from({ length: 256 }, (_, i) => i);
    expect(muLawDecode(codes)).toEqual(array('decoded'));
  });

  it('rejects codes outside [0, 256)', () => {
    expect(() => muLawDecode(new Int32Array([0, 256]))).toThrow(CodeOutOfRangeError);
    expect(() => muLawDecode(new Int32Array([-1]))).toThrow(CodeOutOfRangeError);
  });
});
