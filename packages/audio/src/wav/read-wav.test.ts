import { createHash } from 'node:crypto';
import { NonFiniteValueError, UnsupportedError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, fixtureJson } from '../__fixtures__/fixtures.js';
import { InvalidAudioError } from '../errors/index.js';
import { readWav } from './read-wav.js';

interface Expected {
  sampleRate: number;
  channels: number;
  frames: number;
  sha256: string;
  head: number[][];
  torchaudioEqual: boolean | string;
}

const expected = fixtureJson<Record<string, Expected>>('formats/expected.json');

function planarSha256(channels: Float32Array[]): string {
  const hash = createHash('sha256');
  for (const channel of channels) hash.update(new Uint8Array(channel.buffer, channel.byteOffset, channel.byteLength));
  return hash.digest('hex');
}

describe('readWav against libsndfile (soundfile.read(dtype="float32"))', () => {
  it.each(Object.keys(expected))('%s', (name) => {
    const want = expected[name] as Expected;
    const audio = readWav(fixtureBytes(`formats/${name}`));
    expect(audio.sampleRate).toBe(want.sampleRate);
    expect(audio.channels).toHaveLength(want.channels);
    expect(audio.channels[0]).toHaveLength(want.frames);
    want.head.forEach((values, c) => expect(Array.from(audio.channels[c]!.subarray(0, values.length))).toEqual(values));
    expect(planarSha256(audio.channels)).toBe(want.sha256);
  });

  it('covers every PCM depth, both float widths, EXTENSIBLE and many channels', () => {
    const names = Object.keys(expected);
    for (const name of ['pcm-u8.wav', 'pcm-s16.wav', 'pcm-s24.wav', 'pcm-s32.wav', 'float32.wav', 'float64.wav', 'extensible-s24-6ch.wav', 'extensible-f32-8ch.wav', 'extensible-24in32.wav', 'chunks-odd.wav', 'pcm-u8-odd.wav']) {
      expect(names).toContain(name);
    }
  });

  it('reads the 16-bit recordings as int16 / 32768', () => {
    const bytes = fixtureBytes('voice-44k.wav');
    const audio = readWav(bytes);
    const ints = new Int16Array(bytes.buffer.slice(bytes.byteOffset + 44, bytes.byteOffset + bytes.byteLength));
    expect(audio.channels[0]).toHaveLength(ints.length);
    for (let i = 0; i < ints.length; i += 97) expect(audio.channels[0]![i]).toBe(ints[i]! / 32768);
  });
});

/** A minimal 16-bit stereo WAV with `frames` frames, for mutation. */
function smallWav(frames = 8): Uint8Array {
  const bytes = new Uint8Array(44 + frames * 4);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string): void => [...s].forEach((ch, i) => (bytes[at + i] = ch.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 2, true);
  view.setUint32(24, 16000, true);
  view.setUint32(28, 64000, true);
  view.setUint16(32, 4, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, frames * 4, true);
  for (let i = 0; i < frames * 2; i++) view.setInt16(44 + 2 * i, i * 1000 - 8000, true);
  return bytes;
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('readWav on bad input', () => {
  it('reads the well-formed base file', () => {
    expect(readWav(smallWav()).channels[1]![0]).toBe(-7000 / 32768);
  });

  it('rejects truncated headers and non-WAV bytes', () => {
    for (const length of [0, 4, 11, 12, 20, 36, 43]) {
      const error = thrown(() => readWav(smallWav().subarray(0, length)));
      expect(InvalidAudioError.isInstance(error), `length ${length}`).toBe(true);
    }
    expect(InvalidAudioError.isInstance(thrown(() => readWav(new TextEncoder().encode('not a wav file at all, sorry'))))).toBe(true);
  });

  it('rejects a data chunk that claims more bytes than the file holds, unless allowTruncated', () => {
    const bytes = smallWav(8).subarray(0, 44 + 15);
    const error = thrown(() => readWav(bytes)) as InvalidAudioError;
    expect(InvalidAudioError.isInstance(error)).toBe(true);
    expect(error.reason).toMatch(/declares 32 bytes, only 15 remain/);
    const partial = readWav(bytes, { allowTruncated: true });
    expect(partial.channels[0]).toHaveLength(3);
  });

  it('reads to the end when the data size is the streaming placeholder 0xFFFFFFFF', () => {
    const bytes = smallWav(8);
    new DataView(bytes.buffer).setUint32(40, 0xffffffff, true);
    expect(readWav(bytes).channels[0]).toHaveLength(8);
  });

  it('rejects a fmt chunk whose size lies, zero or absurd channel counts and sample rates', () => {
    const mutate = (at: number, value: number, size: 2 | 4): Uint8Array => {
      const bytes = smallWav();
      const view = new DataView(bytes.buffer);
      if (size === 2) view.setUint16(at, value, true);
      else view.setUint32(at, value, true);
      return bytes;
    };
    for (const [at, value, size, reason] of [
      [16, 1000, 4, /fmt|chunk|data/],
      [16, 8, 4, /fewer than the 16/],
      [22, 0, 2, /0 channels/],
      [22, 5000, 2, /5000 channels/],
      [24, 0, 4, /sample rate of 0/],
      [24, 4_000_000_000, 4, /sample rate/],
    ] as const) {
      const error = thrown(() => readWav(mutate(at, value, size)));
      expect(InvalidAudioError.isInstance(error), `${at}=${value}`).toBe(true);
      expect((error as InvalidAudioError).message).toMatch(reason);
    }
  });

  it('rejects files without fmt or data chunks', () => {
    const noData = smallWav();
    noData.set([0x6a, 0x75, 0x6e, 0x6b], 36); // 'junk'
    expect((thrown(() => readWav(noData)) as InvalidAudioError).reason).toBe('no data chunk');
    const noFmt = smallWav();
    noFmt.set([0x6a, 0x75, 0x6e, 0x6b], 12);
    expect((thrown(() => readWav(noFmt)) as InvalidAudioError).reason).toBe('no fmt chunk');
  });

  it('names unsupported encodings (A-law, 12-bit, RF64, RIFX) with UnsupportedError', () => {
    const alaw = smallWav();
    new DataView(alaw.buffer).setUint16(20, 6, true);
    expect((thrown(() => readWav(alaw)) as UnsupportedError).message).toMatch(/0x0006 \(A-law\)/);
    const twelve = smallWav();
    new DataView(twelve.buffer).setUint16(34, 12, true);
    expect(UnsupportedError.isInstance(thrown(() => readWav(twelve)))).toBe(true);
    for (const magic of ['RF64', 'RIFX']) {
      const bytes = smallWav();
      bytes.set([...magic].map((c) => c.charCodeAt(0)), 0);
      expect(UnsupportedError.isInstance(thrown(() => readWav(bytes))), magic).toBe(true);
    }
  });

  it('gives zero-length channels for an empty data chunk', () => {
    const audio = readWav(smallWav(0));
    expect(audio.channels).toHaveLength(2);
    expect(audio.channels[0]).toHaveLength(0);
  });

  it('rejects NaN and infinite samples of float files unless allowNonFinite', () => {
    const bytes = fixtureBytes('formats/float32.wav').slice();
    const view = new DataView(bytes.buffer);
    const data = 12 + 8 + 18 + 8 + 4 + 8; // RIFF header, fmt (18), fact (4), data header
    view.setFloat32(data + 8 * 5 + 4, Number.NaN, true); // frame 5, channel 1
    const error = thrown(() => readWav(bytes)) as NonFiniteValueError;
    expect(NonFiniteValueError.isInstance(error)).toBe(true);
    expect(error.argument).toBe('WAV channel 1');
    expect(error.index).toBe(5);
    expect(Number.isNaN(readWav(bytes, { allowNonFinite: true }).channels[1]![5])).toBe(true);
  });
});
