import type { CodeSpace } from '@jointok/core';
import type { AudioPreprocessingSpec } from '../preprocess/preprocessing-spec.js';
import type { AudioCodec } from '../tokenizer/audio-codec.js';
import type { BlockOwner } from '../tokenizer/check-audio-block.js';
import type { NoiseOption } from '../tokenizer/noise.js';

/** What the streaming encoder and decoder share with the tokenizer that runs them. */
export interface StreamContext {
  readonly family: string;
  readonly codec: AudioCodec;
  readonly codeSpace: CodeSpace;
  readonly preprocessing: AudioPreprocessingSpec;
  readonly owner: BlockOwner;
  readonly defaultNoise: NoiseOption;
  /** Throws `DisposedError` once the tokenizer is disposed. */
  checkOpen(operation: string): void;
}

/** `value` rounded up to a multiple of `step`. */
export function roundUp(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}

/** Base frames per group of every stream: windows and blocks hold whole groups (SNAC 24 kHz: 4). */
export function groupFrames(space: CodeSpace, alignFrames: number): number {
  let group = alignFrames;
  for (const stream of space.streams) group = lcm(group, stream.stride ?? 1);
  return group;
}

function lcm(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return (a / x) * b;
}

/** The codes of frames `[from, to)` of each stream, given each stream's codes from frame `origin` on. */
export function sliceStreams(streams: readonly Int32Array[], space: CodeSpace, origin: number, from: number, to: number): Int32Array[] {
  return streams.map((codes, i) => {
    const stride = space.streams[i]!.stride ?? 1;
    return codes.slice((from - origin) / stride, (to - origin) / stride);
  });
}
