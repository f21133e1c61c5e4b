import { InvalidArgumentError } from '@jointok/core';
import type { DecodedFrame, LazyFrame, ReadVideoOptions } from './types.js';

/** The selection options, validated. */
export interface FrameSelection {
  readonly fps: number | undefined;
  readonly maxFrames: number;
  readonly start: number;
  readonly end: number;
}

function positive(value: unknown, argument: string, integer: boolean): void {
  const ok = typeof value === 'number' && Number.isFinite(value) && value > 0 && (!integer || Number.isSafeInteger(value));
  if (!ok) throw new InvalidArgumentError({ argument, expected: integer ? 'a positive integer' : 'a positive finite number', received: value });
}

/** Checks `fps`, `maxFrames`, `start` and `end`. */
export function readSelection(options: ReadVideoOptions): FrameSelection {
  const { fps, maxFrames, start = 0, end = Infinity } = options;
  if (fps !== undefined) positive(fps, 'options.fps', false);
  if (maxFrames !== undefined) positive(maxFrames, 'options.maxFrames', true);
  if (typeof start !== 'number' || !Number.isFinite(start) || start < 0) throw new InvalidArgumentError({ argument: 'options.start', expected: 'a time in seconds, 0 or more', received: start });
  if (typeof end !== 'number' || Number.isNaN(end) || end <= start) throw new InvalidArgumentError({ argument: 'options.end', expected: `a time in seconds after start (${start})`, received: end });
  return { fps, maxFrames: maxFrames ?? Infinity, start, end };
}

/**
 * Picks frames from a source of constant frame rate `rate`, in order, decoding only those kept.
 * Without `fps`: every frame whose time `i / rate` lies in `[start, end)`. With `fps`: output frame k
 * is source frame `round((start + k / fps) · rate)` (the nearest, ties up), for `start + k / fps < end`;
 * a source frame is repeated when `fps` is above the source's rate and skipped when below.
 */
export async function* selectFrames(source: AsyncIterable<LazyFrame>, rate: number, selection: FrameSelection, signal?: AbortSignal): AsyncGenerator<DecodedFrame> {
  let produced = 0;
  if (produced >= selection.maxFrames) return;
  // Times are compared in units of source frames, with a tolerance for k / fps not being exact in binary.
  const epsilon = 1e-9;
  const wanted = (k: number): number | undefined => {
    if (selection.fps === undefined) return undefined;
    const time = selection.start + k / selection.fps;
    if (time >= selection.end - epsilon) return undefined;
    return Math.floor(time * rate + 0.5 + epsilon);
  };
  let target = selection.fps === undefined ? Math.ceil(selection.start * rate - epsilon) : wanted(0);
  if (target === undefined) return;
  for await (const frame of source) {
    signal?.throwIfAborted();
    if (frame.index < target) continue;
    const timestamp = frame.index / rate;
    if (selection.fps === undefined) {
      if (timestamp >= selection.end - epsilon) return;
      const image = await frame.decode();
      yield { ...image, index: frame.index, timestamp };
      if (++produced >= selection.maxFrames) return;
      target = frame.index + 1;
      continue;
    }
    const image = await frame.decode();
    // This source frame serves every output frame that maps to it.
    while (target === frame.index) {
      yield { ...image, index: frame.index, timestamp };
      if (++produced >= selection.maxFrames) return;
      const next = wanted(produced);
      if (next === undefined) return;
      target = next;
    }
  }
}
