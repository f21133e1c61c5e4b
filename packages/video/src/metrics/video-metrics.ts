import { InvalidArgumentError, ShapeMismatchError } from '@jointok/core';
import { psnr, ssim, type Image8, type SsimOptions } from '@jointok/image';

/** Per-frame scores of a clip against a reference, and their mean. */
export interface FrameScores {
  /** One score per frame, in order. */
  readonly frames: Float64Array;
  /** Arithmetic mean of the per-frame scores (PSNR: Infinity if any frame is identical). */
  readonly mean: number;
}

async function scoreFrames(reference: Iterable<Image8> | AsyncIterable<Image8>, test: Iterable<Image8> | AsyncIterable<Image8>, score: (a: Image8, b: Image8) => number): Promise<FrameScores> {
  const a = (Symbol.asyncIterator in (reference as object) ? (reference as AsyncIterable<Image8>)[Symbol.asyncIterator]() : (reference as Iterable<Image8>)[Symbol.iterator]()) as AsyncIterator<Image8> | Iterator<Image8>;
  const b = (Symbol.asyncIterator in (test as object) ? (test as AsyncIterable<Image8>)[Symbol.asyncIterator]() : (test as Iterable<Image8>)[Symbol.iterator]()) as AsyncIterator<Image8> | Iterator<Image8>;
  const scores: number[] = [];
  for (;;) {
    const [x, y] = await Promise.all([a.next(), b.next()]);
    if (x.done === true || y.done === true) {
      if (x.done !== y.done) throw new ShapeMismatchError({ argument: 'test', expected: `as many frames as the reference`, received: scores.length, message: `The test clip has ${x.done === true ? 'more' : 'fewer'} frames than the reference (which ends after ${scores.length}).` });
      break;
    }
    scores.push(score(x.value, y.value));
  }
  if (scores.length === 0) throw new InvalidArgumentError({ argument: 'reference', expected: 'at least one frame', received: 'an empty clip' });
  const frames = Float64Array.from(scores);
  return { frames, mean: scores.reduce((s, v) => s + v, 0) / scores.length };
}

/** PSNR of each frame (`@jointok/image`'s `psnr`, over all channels) and their mean. Frames stream through. */
export function videoPsnr(reference: Iterable<Image8> | AsyncIterable<Image8>, test: Iterable<Image8> | AsyncIterable<Image8>, options: { dataRange?: number } = {}): Promise<FrameScores> {
  return scoreFrames(reference, test, (a, b) => psnr(a, b, options));
}

/** SSIM of each frame (`@jointok/image`'s `ssim`: Gaussian 11 × 11, σ 1.5, or scikit-image's default) and their mean. */
export function videoSsim(reference: Iterable<Image8> | AsyncIterable<Image8>, test: Iterable<Image8> | AsyncIterable<Image8>, options: SsimOptions = {}): Promise<FrameScores> {
  return scoreFrames(reference, test, (a, b) => ssim(a, b, options));
}
