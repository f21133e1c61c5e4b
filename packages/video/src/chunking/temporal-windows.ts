import { InvalidArgumentError, ShapeMismatchError } from '@jointok/core';

/** How a causal video tokenizer cuts a clip in time. */
export interface TemporalChunking {
  /** Frames per latent frame after the first (Cosmos DV8x16x16: 8; per-frame tokens: 1). */
  readonly temporalCompression: number;
  /** Frames per window, encoded independently and concatenated (Cosmos: 17); `Infinity`: the whole clip at once. */
  readonly window: number;
  /**
   * A window of n frames must hold `1 + k · temporalAlign` frames: `'replicate'` pads it in time with copies
   * of its first and last frames, `pad >> 1` in front and the rest behind (Cosmos' `pad_video_batch`), and
   * crops them off after decoding; `'none'` refuses other lengths.
   */
  readonly padding: 'replicate' | 'none';
  /** The multiple the padded length minus one must reach (Cosmos pads to `1 + 8k` whatever the model: 8). Default: `temporalCompression`. */
  readonly temporalAlign?: number;
}

/** One window of a clip, as encoded: its frames, the padding added, the latent frames it gives. */
export interface TemporalWindow {
  /** Frames of the clip in this window. */
  readonly frames: number;
  /** Copies of the first frame put in front. */
  readonly padFront: number;
  /** Copies of the last frame put behind. */
  readonly padBack: number;
  /** Latent frames (code frames) this window gives: `1 + (frames + padding − 1) / temporalCompression`. */
  readonly latentFrames: number;
}

/** Checks a chunking's numbers. */
export function checkChunking(chunking: TemporalChunking, argument = 'chunking'): TemporalChunking {
  const { temporalCompression: t, window, padding } = chunking;
  const align = chunking.temporalAlign ?? t;
  if (!Number.isSafeInteger(t) || t < 1) throw new InvalidArgumentError({ argument: `${argument}.temporalCompression`, expected: 'a positive integer', received: t });
  if (!Number.isSafeInteger(align) || align < 1 || align % t !== 0) throw new InvalidArgumentError({ argument: `${argument}.temporalAlign`, expected: `a positive multiple of temporalCompression (${t})`, received: align });
  if (!(window === Infinity || (Number.isSafeInteger(window) && window >= 1))) throw new InvalidArgumentError({ argument: `${argument}.window`, expected: 'a positive integer or Infinity', received: window });
  if (padding !== 'replicate' && padding !== 'none') throw new InvalidArgumentError({ argument: `${argument}.padding`, expected: "'replicate' or 'none'", received: padding });
  return chunking;
}

/**
 * The window of `frames` frames: the padding that makes it `1 + k · align` frames long (Cosmos: `(align −
 * (n − 1) % align) % align`, split `pad >> 1` in front, the rest behind) and its latent frame count.
 *
 * @throws ShapeMismatchError with `padding: 'none'` when the window is not `1 + k · align` frames
 */
export function planWindow(frames: number, chunking: TemporalChunking): TemporalWindow {
  if (!Number.isSafeInteger(frames) || frames < 1) throw new InvalidArgumentError({ argument: 'frames', expected: 'at least one frame', received: frames });
  const t = chunking.temporalCompression;
  const align = chunking.temporalAlign ?? t;
  const pad = (align - ((frames - 1) % align)) % align;
  if (pad > 0 && chunking.padding === 'none') {
    throw new ShapeMismatchError({ argument: 'clip', expected: `1 + k·${align} frames per window (the tokenizer is causal: the first frame alone, then groups of ${t}); pass padding 'replicate' to pad`, received: frames });
  }
  const padFront = pad >> 1;
  return { frames, padFront, padBack: pad - padFront, latentFrames: 1 + (frames + pad - 1) / t };
}

/** The windows of a clip of `frameCount` frames: full windows, then the rest (overlap-free). */
export function planWindows(frameCount: number, chunking: TemporalChunking): TemporalWindow[] {
  if (!Number.isSafeInteger(frameCount) || frameCount < 1) throw new InvalidArgumentError({ argument: 'frameCount', expected: 'at least one frame', received: frameCount });
  const windows: TemporalWindow[] = [];
  for (let start = 0; start < frameCount; start += chunking.window) windows.push(planWindow(Math.min(chunking.window, frameCount - start), chunking));
  return windows;
}

/**
 * The windows of a block's latent frames when its `meta` does not say (blocks parsed from ids): full
 * windows' latent counts from the start, the rest as one window whose frames are all kept.
 */
export function windowsOfLatents(latentFrames: number, chunking: TemporalChunking): TemporalWindow[] {
  const t = chunking.temporalCompression;
  const full: TemporalWindow | undefined = chunking.window === Infinity ? undefined : planWindow(chunking.window, { ...chunking, padding: 'replicate' });
  const windows: TemporalWindow[] = [];
  let left = latentFrames;
  while (left > 0) {
    if (full !== undefined && left >= full.latentFrames) {
      windows.push(full);
      left -= full.latentFrames;
    } else {
      windows.push({ frames: 1 + (left - 1) * t, padFront: 0, padBack: 0, latentFrames: left });
      left = 0;
    }
  }
  return windows;
}

/** Reads and checks the windows a block's `meta.windows` records. */
export function readWindows(value: unknown, latentFrames: number): TemporalWindow[] | undefined {
  if (value === undefined) return undefined;
  const fields = ['frames', 'padFront', 'padBack', 'latentFrames'] as const;
  const ok =
    Array.isArray(value) &&
    value.every((w) => typeof w === 'object' && w !== null && fields.every((f) => Number.isSafeInteger((w as Record<string, unknown>)[f]) && ((w as Record<string, number>)[f] ?? -1) >= (f === 'frames' || f === 'latentFrames' ? 1 : 0))) &&
    value.reduce((sum: number, w: TemporalWindow) => sum + w.latentFrames, 0) === latentFrames;
  if (!ok) throw new InvalidArgumentError({ argument: 'block.meta.windows', expected: `windows { frames, padFront, padBack, latentFrames } whose latent frames add up to ${latentFrames}`, received: value });
  return value as TemporalWindow[];
}
