import { UnsupportedError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, fixtureJson, planarF32 } from '../__fixtures__/fixtures.js';
import { InvalidAudioError } from '../errors/index.js';
import { readWav } from '../wav/read-wav.js';
import { decodeAudio } from './decode-audio.js';
import { detectAudioFormat } from './detect-format.js';
import { readAudio } from './read-audio.node.js';

interface Expected {
  lossless: boolean;
  source?: string;
  reference?: string;
  sampleRate?: number;
  channels?: number;
  frames?: number;
  file?: string;
}

const expected = fixtureJson<Record<string, Expected>>('compressed/expected.json');

/** Largest difference over the frames both have. */
function maxDifference(a: Float32Array[], b: Float32Array[]): number {
  let worst = 0;
  a.forEach((channel, c) => {
    const other = b[c]!;
    const n = Math.min(channel.length, other.length);
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(channel[i]! - other[i]!));
  });
  return worst;
}

describe('decodeAudio: compressed formats against reference decoders', () => {
  it.each(['stereo-44k.flac', 's24-6ch.flac'])('%s decodes bit for bit to its source PCM (flac -d gives the same)', async (name) => {
    const audio = await decodeAudio(fixtureBytes(`compressed/${name}`));
    const source = readWav(fixtureBytes(expected[name]!.source!));
    expect(audio.sampleRate).toBe(source.sampleRate);
    expect(audio.channels).toHaveLength(source.channels.length);
    // Counted rather than deep-compared: a diff of 44,100 floats takes vitest a minute to print.
    let differing = 0;
    audio.channels.forEach((channel, c) => channel.forEach((v, i) => (differing += Object.is(v, source.channels[c]![i]) ? 0 : 1)));
    expect(audio.channels[0]).toHaveLength(source.channels[0]!.length);
    expect(differing).toBe(0);
  });

  // Bounds: the largest difference measured on these files, rounded up (see the README).
  const lossy: [string, number, number][] = [
    ['stereo-44k.mp3', 11025, 2e-6],
    ['voice-44k.ogg', 11025, 5e-7],
    ['stereo-48k.opus', 12000, 1e-4],
  ];
  it.each(lossy)('%s: %i frames, within %f of the reference decoder', async (name, frames, bound) => {
    const want = expected[name]!;
    const audio = await decodeAudio(fixtureBytes(`compressed/${name}`));
    expect(audio.sampleRate).toBe(want.sampleRate);
    expect(audio.channels).toHaveLength(want.channels!);
    expect(audio.channels[0]).toHaveLength(frames);
    const reference = planarF32(`compressed/${want.file}`, want.channels!);
    // ffmpeg's Vorbis decoder drops this file's last 128 frames; the rest is compared.
    expect(reference[0]!.length).toBeGreaterThanOrEqual(frames - 128);
    const worst = maxDifference(audio.channels, reference);
    if (process.env.JOINTOK_AUDIO_REPORT) console.log(`decode ${name}: max abs difference to ${want.reference} ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(bound);
  });
});

describe('decodeAudio: format detection and bad input', () => {
  it('detects every format from its magic bytes', () => {
    expect(detectAudioFormat(fixtureBytes('voice-44k.wav'))).toBe('wav');
    expect(detectAudioFormat(fixtureBytes('compressed/stereo-44k.flac'))).toBe('flac');
    expect(detectAudioFormat(fixtureBytes('compressed/stereo-44k.mp3'))).toBe('mp3');
    expect(detectAudioFormat(fixtureBytes('compressed/voice-44k.ogg'))).toBe('ogg-vorbis');
    expect(detectAudioFormat(fixtureBytes('compressed/stereo-48k.opus'))).toBe('ogg-opus');
    expect(detectAudioFormat(new TextEncoder().encode('hello world'))).toBeUndefined();
  });

  it('rejects empty input, unknown formats and AIFF', async () => {
    await expect(decodeAudio(new Uint8Array(0))).rejects.toSatisfy(InvalidAudioError.isInstance);
    await expect(decodeAudio(new TextEncoder().encode('definitely not audio'))).rejects.toSatisfy(UnsupportedError.isInstance);
    await expect(decodeAudio(new TextEncoder().encode('FORM\0\0\0\x04AIFF'))).rejects.toThrow(/AIFF/);
  });

  const corruptions: [string, (b: Uint8Array) => Uint8Array][] = [
    ['cut in half', (b) => b.slice(0, b.length >> 1)],
    ['64 bytes scrambled in the middle', (b) => { const c = b.slice(); for (let i = c.length >> 1; i < (c.length >> 1) + 64; i++) c[i] = c[i]! ^ 0x5a; return c; }],
    ['only the first 40 bytes', (b) => b.slice(0, 40)],
  ];
  for (const name of ['stereo-44k.flac', 'stereo-44k.mp3', 'voice-44k.ogg', 'stereo-48k.opus']) {
    it.each(corruptions)(`${name}: %s is an InvalidAudioError, never silent garbage`, async (_label, corrupt) => {
      await expect(decodeAudio(corrupt(fixtureBytes(`compressed/${name}`)))).rejects.toSatisfy(InvalidAudioError.isInstance);
    });
  }

  it('keeps what decodes of a truncated stream with allowTruncated', async () => {
    const half = fixtureBytes('compressed/stereo-44k.flac').slice(0, 26000);
    const audio = await decodeAudio(half, { allowTruncated: true });
    expect(audio.channels[0]!.length).toBeGreaterThan(0);
    expect(audio.channels[0]!.length).toBeLessThan(22050);
  });

  it('readAudio (Node) reads paths and file URLs, and names unreadable paths', async () => {
    const url = new URL('../__fixtures__/compressed/stereo-44k.flac', import.meta.url);
    const audio = await readAudio(url);
    expect(audio.channels).toHaveLength(2);
    expect((await readAudio(url.pathname)).channels[0]).toEqual(audio.channels[0]);
    await expect(readAudio('/nonexistent/file.wav')).rejects.toThrow(/Cannot read/);
  });
});
