import { ShapeMismatchError } from '@jointok/core';
import { assertImage, type Image8 } from '@jointok/image';
import { toFrameRate, type FrameRate } from './frame-rate.js';
import { rgbToYcbcr } from './rgb-to-ycbcr.js';
import { formatY4mHeader, type Y4mChroma } from './y4m-header.js';

/** Options of `writeY4m` / `encodeY4m`. */
export interface WriteY4mOptions {
  /** Frames per second (default 25). */
  frameRate?: number | FrameRate;
  /** Chroma subsampling (default `'420'`, what every player reads). */
  chroma?: Y4mChroma;
  /** YCbCr range (default `'limited'`; `'full'` adds `XCOLORRANGE=FULL`). */
  colorRange?: 'limited' | 'full';
}

const FRAME_LINE = new TextEncoder().encode('FRAME\n');

/**
 * Writes frames (RGB, RGBA or grey images, all of one size) as a Y4M stream, one chunk per frame, so
 * that a long clip is written as it is produced. RGB → YCbCr is BT.601 (see `rgbToYcbcr`).
 *
 * @throws ShapeMismatchError when a frame's size differs from the first frame's
 */
export async function* writeY4m(frames: AsyncIterable<Image8> | Iterable<Image8>, options: WriteY4mOptions = {}): AsyncGenerator<Uint8Array> {
  const frameRate = toFrameRate(options.frameRate ?? 25);
  const chroma = options.chroma ?? '420';
  const colorRange = options.colorRange ?? 'limited';
  let first: Image8 | undefined;
  let index = 0;
  for await (const frame of frames) {
    assertImage(frame, `frames[${index}]`);
    if (first === undefined) {
      first = frame;
      yield new TextEncoder().encode(formatY4mHeader({ width: frame.width, height: frame.height, frameRate, chroma, colorRange }));
    } else if (frame.width !== first.width || frame.height !== first.height) {
      throw new ShapeMismatchError({ argument: `frames[${index}]`, expected: `a ${first.width}x${first.height} frame like frames[0]`, received: [frame.height, frame.width] });
    }
    const planes = rgbToYcbcr(frame, chroma, colorRange);
    const chunk = new Uint8Array(FRAME_LINE.length + planes.length);
    chunk.set(FRAME_LINE);
    chunk.set(planes, FRAME_LINE.length);
    yield chunk;
    index++;
  }
}

/** `writeY4m` into one byte array (for short clips; stream `writeY4m`'s chunks for long ones). */
export async function encodeY4m(frames: AsyncIterable<Image8> | Iterable<Image8>, options: WriteY4mOptions = {}): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of writeY4m(frames, options)) {
    chunks.push(chunk);
    length += chunk.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
