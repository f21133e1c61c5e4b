import { InvalidArgumentError } from '@jointok/core';
import { assertImage, type Image8 } from '@jointok/image';
import type { FrameStream } from '../frames/types.js';
import type { VideoEncodeOptions, VideoSource } from './video-tokenizer.js';

/** Reads a source that is not frames yet: the entry's `readVideo`. */
export type VideoReader = (input: never, options: VideoEncodeOptions) => Promise<FrameStream>;

function isFrameIterable(value: unknown): value is AsyncIterable<Image8> | Iterable<Image8> {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return false;
  if (Array.isArray(value)) return value.every((item) => typeof item === 'object' && item !== null && (item as Image8).data instanceof Uint8Array);
  return Symbol.asyncIterator in value || (Symbol.iterator in value && !(typeof Blob !== 'undefined' && value instanceof Blob));
}

/** The frames of a clip source, one at a time, each checked to be an image. */
export async function* framesOf(source: VideoSource, readVideo: VideoReader, options: VideoEncodeOptions): AsyncGenerator<Image8> {
  if (source === null || source === undefined) throw new InvalidArgumentError({ argument: 'clip', expected: 'frames or a video source', received: source });
  const frames = isFrameIterable(source) ? source : await readVideo(source as never, options);
  let index = 0;
  for await (const frame of frames as AsyncIterable<Image8>) {
    options.signal?.throwIfAborted();
    assertImage(frame, `clip frame ${index}`);
    yield frame;
    index++;
  }
}
