import { InvalidArgumentError, InvalidSpecError, NonFiniteValueError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../__fixtures__/fixtures.js';
import { mixToMono } from '../dsp/mix/mix-channels.js';
import { resample } from '../dsp/resample/resample.js';
import { readWav } from '../wav/read-wav.js';
import { createAudioPreprocessor, planarSamples } from './create-audio-preprocessor.js';

const stereo = readWav(fixtureBytes('stereo-44k.wav'));

function specError(spec: unknown): InvalidSpecError {
  try {
    createAudioPreprocessor(spec);
  } catch (error) {
    if (InvalidSpecError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InvalidSpecError');
}

describe('createAudioPreprocessor', () => {
  it('mixes to mono, then resamples with the spec’s filter', () => {
    const pre = createAudioPreprocessor({ sampleRate: 24000, channels: 1, mix: 'mean', resample: { method: 'sinc-hann', lowpassFilterWidth: 6, rolloff: 0.99 } });
    const out = pre.process(stereo);
    expect(out.sampleRate).toBe(24000);
    expect(out.channels).toEqual(resample(mixToMono(stereo), 24000).channels);
  });

  it('keeps every channel with mix "none" (DAC) and fills in defaults', () => {
    const pre = createAudioPreprocessor({ sampleRate: 44100, mix: 'none', resample: { method: 'julius' } });
    expect(pre.spec).toEqual({ sampleRate: 44100, channels: null, mix: 'none', resample: { method: 'julius' } });
    expect(pre.process(stereo)).toBe(stereo);
    expect(planarSamples(stereo)).toHaveLength(2 * stereo.channels[0]!.length);
  });

  it('names the JSON path of every bad field', () => {
    expect(specError(null).path).toBe('preprocessing');
    expect(specError({ sampleRate: 0, channels: 1 }).path).toBe('preprocessing.sampleRate');
    expect(specError({ sampleRate: 16000, channels: 2, mix: 'mean' }).path).toBe('preprocessing.channels');
    expect(specError({ sampleRate: 16000, channels: 1, mix: 'loudest' }).path).toBe('preprocessing.mix');
    expect(specError({ sampleRate: 16000, channels: 1, resample: { method: 'linear' } }).path).toBe('preprocessing.resample.method');
    expect(specError({ sampleRate: 16000, channels: 1, resample: { rolloff: 2 } }).path).toBe('preprocessing.resample.rolloff');
    expect(specError({ sampleRate: 16000, channels: 1, resample: { method: 'sinc-hann', beta: 5 } }).path).toBe('preprocessing.resample.beta');
    expect(specError({ sampleRate: 16000, channels: 1, padding: 'left' }).path).toBe('preprocessing.padding');
    expect(specError({ sampleRate: 16000, channels: 1, padding: { side: 'left', multiple: 4 } }).path).toBe('preprocessing.padding.side');
    expect(specError({ sampleRate: 16000, channels: 1, padding: { multiple: 0 } }).path).toBe('preprocessing.padding.multiple');
    expect(specError({ sampleRate: 16000, channels: 1, minSamples: -1 }).path).toBe('preprocessing.minSamples');
    expect(specError({ sampleRate: 16000, channels: 1, normalize: true }).path).toBe('preprocessing.normalize');
  });

  it('reads the padding and minimum length the codec manifests carry', () => {
    const spec = createAudioPreprocessor({ sampleRate: 24000, channels: 1, padding: { side: 'right', value: 0, multiple: 2048 }, minSamples: 1921, normalize: false }).spec;
    expect(spec).toMatchObject({ padding: { side: 'right', value: 0, multiple: 2048 }, minSamples: 1921, normalize: false });
  });

  it('rejects zero-length and non-finite audio', () => {
    const pre = createAudioPreprocessor({ sampleRate: 16000, channels: 1 });
    expect(() => pre.process({ sampleRate: 16000, channels: [new Float32Array(0)] })).toThrow(InvalidArgumentError);
    expect(() => pre.process({ sampleRate: 16000, channels: [new Float32Array([0, Number.NaN])] })).toThrow(NonFiniteValueError);
  });
});
