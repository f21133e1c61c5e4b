import { ShapeMismatchError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { COSMOS_CHUNKING } from './cosmos-chunking.js';
import { planWindow, planWindows, readWindows, windowsOfLatents } from './temporal-windows.js';

// Cosmos-Tokenizer cosmos_tokenizer/utils.py pad_video_batch: frames_to_pad = (8 - (T - 1) % 8) % 8,
// front = pad >> 1 (edge mode); video_lib.py forward: windows [i·17, (i+1)·17).
const dv8 = { ...COSMOS_CHUNKING, temporalCompression: 8 };
const dv4 = { ...COSMOS_CHUNKING, temporalCompression: 4 };

describe('temporal windows', () => {
  it('pads each window to 1 + 8k frames, half in front', () => {
    expect(planWindow(17, dv8)).toEqual({ frames: 17, padFront: 0, padBack: 0, latentFrames: 3 });
    expect(planWindow(17, dv4)).toEqual({ frames: 17, padFront: 0, padBack: 0, latentFrames: 5 });
    expect(planWindow(1, dv8)).toEqual({ frames: 1, padFront: 0, padBack: 0, latentFrames: 1 });
    expect(planWindow(3, dv8)).toEqual({ frames: 3, padFront: 3, padBack: 3, latentFrames: 2 });
    expect(planWindow(4, dv4)).toEqual({ frames: 4, padFront: 2, padBack: 3, latentFrames: 3 });
    expect(planWindow(10, dv8)).toEqual({ frames: 10, padFront: 3, padBack: 4, latentFrames: 3 });
  });

  it('cuts long clips into overlap-free windows of 17', () => {
    expect(planWindows(40, dv8).map((w) => w.frames)).toEqual([17, 17, 6]);
    expect(planWindows(34, dv8).reduce((n, w) => n + w.latentFrames, 0)).toBe(6);
    expect(planWindows(5, { temporalCompression: 1, window: 1, padding: 'none' }).map((w) => w.latentFrames)).toEqual([1, 1, 1, 1, 1]);
  });

  it("refuses clips that are not 1 + k·t frames without padding (shorter than one window too)", () => {
    const strict = { temporalCompression: 4, window: Infinity, padding: 'none' } as const;
    expect(planWindow(9, strict).latentFrames).toBe(3);
    expect(() => planWindow(8, strict)).toThrow(ShapeMismatchError);
    expect(() => planWindow(8, strict)).toThrow(/1 \+ k·4 frames/);
    expect(() => planWindows(0, dv8)).toThrow(/at least one frame/);
  });

  it('splits latent frames of blocks without meta by full windows', () => {
    expect(windowsOfLatents(8, dv8).map((w) => [w.frames, w.latentFrames])).toEqual([[17, 3], [17, 3], [9, 2]]);
    expect(readWindows(undefined, 3)).toBeUndefined();
    expect(() => readWindows([{ frames: 17, padFront: 0, padBack: 0, latentFrames: 3 }], 4)).toThrow(/add up to 4/);
  });
});
