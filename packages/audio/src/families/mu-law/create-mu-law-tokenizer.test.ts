import { InvalidArgumentError, InvalidSpecError, ShapeMismatchError } from '@jointok/core';
import { describeModalityTokenizer } from '@jointok/core/test';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, goldenArray, goldens, type GoldenEntry } from '../../__fixtures__/fixtures.js';
import { readWav } from '../../wav/read-wav.js';
import { createMuLawTokenizer, createMuLawTokenizerFromManifest } from './create-mu-law-tokenizer.js';
import { muLawDecode } from './mu-law.js';

const voice = readWav(fixtureBytes('voice-44k.wav'));
const stereo = readWav(fixtureBytes('stereo-44k.wav'));

describeModalityTokenizer('mu-law tokenizer', {
  create: () => createMuLawTokenizer({ sampleRate: 16000 }),
  inputs: () => [voice, stereo, readWav(fixtureBytes('speech-22k.wav'))],
});

describe('createMuLawTokenizer', () => {
  it('encodes like torchaudio: resample (sinc-hann) then mu_law_encoding, block [1, frames]', () => {
    const golden = goldens()['mu-law'] as Record<string, GoldenEntry>;
    // The golden signal is torchaudio's 44.1k -> 24k resample of the first 0.4 s of voice-44k.wav.
    const tokenizer = createMuLawTokenizer({ sampleRate: 24000 });
    const input = { sampleRate: 44100, channels: [voice.channels[0]!.slice(0, 17640)] };
    const block = tokenizer.encode(input);
    expect(block.shape).toEqual([1, 9600]);
    expect(block.streams).toEqual(['mu-law']);
    expect(block.meta).toEqual({ sampleRate: 24000, quantizationChannels: 256 });
    expect(Array.from(block.codes)).toEqual(Array.from(goldenArray(golden['resampled-voice-codes']!)));
  });

  it('decodes to mono at its rate, and re-encoding decoded audio gives the same codes', () => {
    const tokenizer = createMuLawTokenizer({ sampleRate: 16000 });
    const block = tokenizer.encode(stereo);
    const audio = tokenizer.decode(block);
    expect(audio.sampleRate).toBe(16000);
    expect(audio.channels[0]).toEqual(muLawDecode(block.codes));
    expect(tokenizer.encode(audio).codes).toEqual(block.codes);
  });

  it('clamps beyond ±1 instead of leaving the code range', () => {
    const tokenizer = createMuLawTokenizer({ sampleRate: 8000, quantizationChannels: 16 });
    expect(Array.from(tokenizer.encodeSamples(new Float32Array([-3, -1, 0, 1, 3])))).toEqual([0, 0, 8, 15, 15]);
  });

  it('describes its code space and validates options and blocks', () => {
    const tokenizer = createMuLawTokenizer({ sampleRate: 16000, quantizationChannels: 1024 });
    expect(tokenizer.codeSpace).toEqual({ axes: ['codebooks', 'frames'], sizes: [1, null], streams: [{ name: 'mu-law', codebookSize: 1024 }], frameRate: 16000 });
    expect(() => createMuLawTokenizer({ sampleRate: 0 })).toThrow(InvalidArgumentError);
    expect(() => createMuLawTokenizer({ sampleRate: 16000, quantizationChannels: 1 })).toThrow(InvalidArgumentError);
    expect(() => tokenizer.decode({ modality: 'audio', codes: new Int32Array(4), shape: [2, 2], meta: {} })).toThrow(ShapeMismatchError);
    expect(() => tokenizer.decode({ modality: 'image' as 'audio', codes: new Int32Array(4), shape: [1, 4], meta: {} })).toThrow(InvalidArgumentError);
  });

  it('builds from a jointok.json manifest, naming bad paths', () => {
    const tokenizer = createMuLawTokenizerFromManifest({
      preprocessing: { sampleRate: 8000, channels: 1, mix: 'mean', resample: { method: 'sinc-kaiser' } },
      codeSpace: { axes: ['codebooks', 'frames'], streams: [{ name: 'mu-law', codebookSize: 256 }] },
    });
    expect(tokenizer.sampleRate).toBe(8000);
    expect(() => createMuLawTokenizerFromManifest({ preprocessing: { sampleRate: 8000, mix: 'none' } })).toThrow(InvalidSpecError);
    expect(() => createMuLawTokenizerFromManifest({ preprocessing: { sampleRate: 8000, channels: 1 }, codeSpace: { streams: [{ codebookSize: 1 }] } })).toThrow(/codeSpace\.streams\[0\]\.codebookSize/);
  });
});
