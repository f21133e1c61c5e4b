import { ShapeMismatchError } from '@jointok/core';
import { psnr, ssim } from '@jointok/image';
import { describe, expect, it } from 'vitest';
import { collect, readFixture } from '../testing/fixtures.js';
import { readY4m, singleChunk } from '../y4m/read-y4m.js';
import { videoPsnr, videoSsim } from './video-metrics.js';

// The per-frame scores are @jointok/image's psnr/ssim (checked there against scikit-image); here: pairing,
// order, the mean, streaming inputs and mismatched lengths.
describe('video metrics', () => {
  it('scores each frame against its reference and averages', async () => {
    const frames = await collect(await readY4m(singleChunk(readFixture('clips/pan-chelsea-420.y4m')), { maxFrames: 5 }));
    const shifted = frames.slice(1).concat(frames[0]!);
    const p = await videoPsnr(frames, shifted);
    const s = await videoSsim(frames, (async function* () {
      yield* shifted;
    })());
    const expectedPsnr = frames.map((f, i) => psnr(f, shifted[i]!));
    const expectedSsim = frames.map((f, i) => ssim(f, shifted[i]!));
    expect([...p.frames]).toEqual(expectedPsnr);
    expect([...s.frames]).toEqual(expectedSsim);
    expect(p.mean).toBeCloseTo(expectedPsnr.reduce((a, b) => a + b) / 5, 12);
    expect(s.mean).toBeCloseTo(expectedSsim.reduce((a, b) => a + b) / 5, 12);
    expect(p.frames[0]).toBeGreaterThan(15);
    expect(p.frames[0]).toBeLessThan(40);
    await expect(videoPsnr(frames, frames.slice(1))).rejects.toThrow(ShapeMismatchError);
    await expect(videoSsim([], [])).rejects.toThrow(/at least one frame/);
  });
});
