import { JointokError } from '@jointok/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../__fixtures__/fixtures.js';
import { decodeAudio } from './decode-audio.js';

const sources = [
  'formats/pcm-s16.wav',
  'formats/pcm-s24.wav',
  'formats/extensible-f32-8ch.wav',
  'formats/chunks-odd.wav',
  'formats/pcm-u8-odd.wav',
  'compressed/stereo-44k.flac',
  'compressed/s24-6ch.flac',
  'compressed/stereo-44k.mp3',
  'compressed/voice-44k.ogg',
  'compressed/stereo-48k.opus',
].map((path) => ({ path, bytes: fixtureBytes(path) }));

/** One mutation of a file: flips, overwritten 32-bit fields (chunk sizes, counts), cuts, splices. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('word' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(0, 1, 0x7fffffff, 0xffffffff, 0x80000000), fc.nat()) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(source: Uint8Array, steps: readonly Mutation[]): Uint8Array {
  let bytes = source.slice();
  for (const step of steps) {
    if (bytes.length === 0) break;
    const at = step.at % bytes.length;
    if (step.kind === 'flip') bytes[at] = bytes[at]! ^ step.mask;
    else if (step.kind === 'word') {
      // Header fields live near the start: aim most words at the first 64 bytes.
      const near = at % Math.min(bytes.length, 64);
      if (near + 4 <= bytes.length) new DataView(bytes.buffer).setUint32(near, step.value >>> 0, true);
    } else if (step.kind === 'cut') bytes = bytes.slice(0, at);
    else bytes = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(Math.min(bytes.length, at + step.length))]);
  }
  return bytes;
}

describe('decodeAudio on mutated real files (seeded fast-check)', () => {
  it('either decodes to well-formed audio or throws a JointokError, each case in under a second', async () => {
    let slowest = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: sources.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (index, steps) => {
        const bytes = mutate(sources[index]!.bytes, steps);
        const started = performance.now();
        try {
          const audio = await decodeAudio(bytes);
          expect(audio.sampleRate).toBeGreaterThan(0);
          expect(audio.channels.length).toBeGreaterThan(0);
          const frames = audio.channels[0]!.length;
          for (const channel of audio.channels) {
            expect(channel).toBeInstanceOf(Float32Array);
            expect(channel.length).toBe(frames);
          }
        } catch (error) {
          if (!JointokError.isInstance(error)) throw error;
          rejected++;
        }
        slowest = Math.max(slowest, performance.now() - started);
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { seed: 1301, numRuns: 160 },
    );
    // The mutations must actually exercise the error paths.
    expect(rejected).toBeGreaterThan(20);
    expect(slowest).toBeLessThan(1000);
  });
});
