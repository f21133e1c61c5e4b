// Malformed Y4M streams: typed errors, never a crash, a hang or garbage; a seeded fuzz of the reader.
import { JointokError, UnsupportedError } from '@jointok/core';
import { ImageTooLargeError } from '@jointok/image';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidVideoError } from '../errors/invalid-video-error.js';
import { collect, readFixture } from '../testing/fixtures.js';
import { readY4m, singleChunk } from './read-y4m.js';

const clip = readFixture('clips/noise-420.y4m');
const text = (s: string) => new TextEncoder().encode(s);
const read = async (bytes: Uint8Array, options = {}) => collect(await readY4m(singleChunk(bytes), options));

describe('readY4m bad input', () => {
  it.each([
    ['an empty stream', new Uint8Array(0), /empty/],
    ['a header without its newline', text('YUV4MPEG2 W4 H4'), /ends inside its header/],
    ['another format', text('RIFF....WAVEfmt \n'), /does not start with/],
    ['no width', text('YUV4MPEG2 H4 F25:1\n'), /lacks the W/],
    ['a bad frame rate', text('YUV4MPEG2 W4 H4 F25\n'), /ratio/],
    ['a zero height', text('YUV4MPEG2 W4 H0\n'), /positive integer/],
    ['an endless header', new Uint8Array(10000).fill(0x41), /no header line/],
  ])('refuses %s', async (_, bytes, message) => {
    await expect(read(bytes)).rejects.toThrow(InvalidVideoError);
    await expect(read(bytes)).rejects.toThrow(message);
  });

  it('refuses truncated frames, naming the frame', async () => {
    const cut = clip.subarray(0, clip.length - 10);
    const error = await read(cut).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-video', frameIndex: 1 });
    expect(String((error as Error).message)).toMatch(/frame truncated/);
    const badMarker = clip.slice();
    badMarker[clip.indexOf(0x0a) + 1] = 0x58; // "XRAME"
    await expect(read(badMarker)).rejects.toThrow(/expected a FRAME header/);
  });

  it('refuses unsupported colour spaces and huge frames before allocating', async () => {
    await expect(read(text('YUV4MPEG2 W4 H4 C420p10\n'))).rejects.toThrow(UnsupportedError);
    await expect(read(text('YUV4MPEG2 W4 H4 Cmono\n'))).rejects.toThrow(/C420jpeg/);
    await expect(read(text('YUV4MPEG2 W100000 H100000\n'))).rejects.toThrow(ImageTooLargeError);
    await expect(read(text('YUV4MPEG2 W64 H64\n'), { maxPixels: 1000 })).rejects.toThrow(ImageTooLargeError);
  });

  it('fuzz: mutated streams give frames or JointokErrors, each within a second', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: clip.length }),
        fc.array(fc.tuple(fc.nat({ max: clip.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.integer({ min: 1, max: 700 }),
        async (cut, flips, chunk) => {
          const bytes = clip.slice(0, cut);
          for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
          const started = performance.now();
          try {
            const stream = await readY4m((async function* () {
              for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
            })(), { maxPixels: 1 << 20 });
            for await (const frame of stream) expect(frame.data.length).toBe(frame.width * frame.height * 3);
          } catch (error) {
            if (!JointokError.isInstance(error)) throw error;
          }
          expect(performance.now() - started).toBeLessThan(1000);
        },
      ),
      { seed: 20260416, numRuns: 300 },
    );
  });
});
