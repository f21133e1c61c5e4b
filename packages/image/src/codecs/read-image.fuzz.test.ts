import { JointokError } from '@jointok/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readImage } from '../index.node.js';
import { readFixture } from '../testing/fixtures.js';

// Real files of every decoder path: PNG (palette, 16-bit, Adam7), JPEG (baseline, progressive, CMYK).
const seeds = ['rgb8.png', 'palette4-trns.png', 'rgba16-adam7.png', 'baseline-420.jpg', 'progressive-420.jpg', 'cmyk.jpg'].map((name) =>
  readFixture(`codecs/__fixtures__/files/${name}`),
);

/** A mutation of one seed file: byte flips, a truncation, an inserted or deleted run. */
const mutated = fc
  .record({
    seed: fc.integer({ min: 0, max: seeds.length - 1 }),
    flips: fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
    cut: fc.option(fc.nat(), { nil: undefined }),
    insert: fc.option(fc.record({ at: fc.nat(), bytes: fc.uint8Array({ maxLength: 16 }) }), { nil: undefined }),
  })
  .map(({ seed, flips, cut, insert }) => {
    let bytes = seeds[seed]!.slice();
    // Mostly hit the headers and early segments, where a flip changes structure rather than pixels.
    for (const { at, value } of flips) bytes[at % Math.min(bytes.length, 400)] = value;
    if (insert !== undefined) {
      const at = insert.at % bytes.length;
      bytes = Uint8Array.from([...bytes.subarray(0, at), ...insert.bytes, ...bytes.subarray(at)]);
    }
    if (cut !== undefined) bytes = bytes.subarray(0, cut % (bytes.length + 1));
    return bytes;
  });

describe('readImage on mutated real files (seeded fuzz)', () => {
  it('returns a well-formed image or throws a JointokError, each case well under a second', async () => {
    let slowest = 0;
    await fc.assert(
      fc.asyncProperty(mutated, async (bytes) => {
        const started = performance.now();
        try {
          const image = await readImage(bytes, { maxPixels: 1 << 20 });
          expect(image.data.length).toBe(image.width * image.height * 3);
        } catch (error) {
          if (!JointokError.isInstance(error)) throw error;
        }
        slowest = Math.max(slowest, performance.now() - started);
      }),
      { seed: 20261204, numRuns: 300 },
    );
    expect(slowest).toBeLessThan(1000);
  });
});
