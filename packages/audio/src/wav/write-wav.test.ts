import { createHash } from 'node:crypto';
import { InvalidArgumentError, NonFiniteValueError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, goldens } from '../__fixtures__/fixtures.js';
import { readRiffChunks } from './riff-chunks.js';
import { readWav } from './read-wav.js';
import { writeWav, type WriteWavOptions } from './write-wav.js';

const golden = goldens()['wav-write'] as { source: string; dataSha256: Record<string, string> };
const source = readWav(fixtureBytes(`formats/float32.wav`));

function dataChunk(bytes: Uint8Array): Uint8Array {
  const data = readRiffChunks(bytes).find((chunk) => chunk.tag === 'data')!;
  return bytes.subarray(data.offset, data.offset + data.size);
}

describe('writeWav against libsndfile (soundfile.write of a float32 signal reaching ±1.25)', () => {
  const cases: [string, WriteWavOptions][] = [
    ['PCM_U8', { bitDepth: 8 }],
    ['PCM_16', { bitDepth: 16 }],
    ['PCM_24', { bitDepth: 24 }],
    ['PCM_32', { bitDepth: 32 }],
    ['FLOAT', { sampleFormat: 'float', bitDepth: 32 }],
    ['DOUBLE', { sampleFormat: 'float', bitDepth: 64 }],
  ];
  it.each(cases)('%s: identical sample bytes', (subtype, options) => {
    const bytes = writeWav(source, options);
    expect(createHash('sha256').update(dataChunk(bytes)).digest('hex')).toBe(golden.dataSha256[subtype]);
  });

  it.each(cases)('%s: reads back (exactly for float, to the grid for PCM)', (_subtype, options) => {
    const back = readWav(writeWav(source, options));
    expect(back.sampleRate).toBe(source.sampleRate);
    expect(back.channels).toHaveLength(2);
    if (options.sampleFormat === 'float') expect(back.channels).toEqual(source.channels);
    else {
      // PCM saturates at ±1 and otherwise floors to the grid: within one step below the value.
      const step = 2 ** (1 - (options.bitDepth ?? 16));
      back.channels.forEach((channel, c) => {
        channel.forEach((v, i) => {
          const x = Math.max(-1, Math.min(1 - step, source.channels[c]![i]!));
          expect(Math.abs(v - x)).toBeLessThanOrEqual(step);
        });
      });
    }
  });

  it('writes PCM read from a PCM file of the same depth back bit for bit', () => {
    for (const [name, bitDepth] of [['pcm-u8.wav', 8], ['pcm-s16.wav', 16], ['pcm-s24.wav', 24], ['pcm-s32.wav', 32]] as const) {
      const original = fixtureBytes(`formats/${name}`);
      expect(Array.from(dataChunk(writeWav(readWav(original), { bitDepth })))).toEqual(Array.from(dataChunk(original)));
    }
  });

  it('uses WAVE_FORMAT_EXTENSIBLE beyond two channels and round-trips them', () => {
    const six = readWav(fixtureBytes('formats/extensible-s24-6ch.wav'));
    const bytes = writeWav(six, { bitDepth: 24 });
    expect(new DataView(bytes.buffer).getUint16(20, true)).toBe(0xfffe);
    expect(readWav(bytes)).toEqual(six);
  });

  it('checks everything before writing: NaN, bad depth, ragged channels, fractional rates', () => {
    const nan = { sampleRate: 16000, channels: [new Float32Array([0, Number.NaN])] };
    expect(() => writeWav(nan)).toThrow(NonFiniteValueError);
    const ok = { sampleRate: 16000, channels: [new Float32Array(4)] };
    expect(() => writeWav(ok, { bitDepth: 12 as 16 })).toThrow(InvalidArgumentError);
    expect(() => writeWav(ok, { sampleFormat: 'float', bitDepth: 16 })).toThrow(InvalidArgumentError);
    expect(() => writeWav({ sampleRate: 16000.5, channels: ok.channels })).toThrow(InvalidArgumentError);
    expect(() => writeWav({ sampleRate: 16000, channels: [new Float32Array(4), new Float32Array(3)] })).toThrow(/channels\[1\]/);
  });

  it('writes zero-length audio as a valid empty file', () => {
    const empty = readWav(writeWav({ sampleRate: 8000, channels: [new Float32Array(0)] }));
    expect(empty.channels[0]).toHaveLength(0);
  });
});
