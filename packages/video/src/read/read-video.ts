import { InvalidArgumentError } from '@jointok/core';
import { readImage, type Image8 } from '@jointok/image';
import { InvalidVideoError } from '../errors/invalid-video-error.js';
import type { FrameStream } from '../frames/types.js';
import { readImageSequence, type ImageSequenceOptions, type SequenceImageReader, type SequenceItem } from '../sequence/read-image-sequence.js';
import { readY4m, singleChunk } from '../y4m/read-y4m.js';

/** Frames you already have (decoded images or encoded PNG/JPEG), with their rate. */
export interface FrameSource {
  readonly frames: Iterable<SequenceItem> | AsyncIterable<SequenceItem>;
  /** Frames per second (default 25). */
  readonly frameRate?: number;
}

/** What the runtime-neutral `readVideo` reads: Y4M bytes, an array of images, or a {@link FrameSource}. */
export type VideoInput = ArrayBuffer | ArrayBufferView | readonly (Image8 | ArrayBuffer | ArrayBufferView)[] | FrameSource;

/** Options of `readVideo`: selection (`fps`, `maxFrames`, `start`, `end`), `maxPixels`, `signal`, and `frameRate` for image sequences. */
export type ReadVideoInputOptions = ImageSequenceOptions;

const MAGIC = [0x59, 0x55, 0x56, 0x34, 0x4d, 0x50, 0x45, 0x47, 0x32]; // YUV4MPEG2

/** True when the bytes start like a Y4M stream. */
export function isY4m(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

function asBytes(input: ArrayBuffer | ArrayBufferView): Uint8Array {
  return input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
}

/** `readVideo` for inputs every runtime has; the Node and browser entries add paths, containers, Blobs and DOM sources. */
export async function readVideoNeutral(input: unknown, options: ReadVideoInputOptions, readItem: SequenceImageReader): Promise<FrameStream> {
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    const bytes = asBytes(input as ArrayBuffer | ArrayBufferView);
    if (!isY4m(bytes)) throw new InvalidVideoError({ format: 'y4m', reason: 'these bytes are not a Y4M stream; other containers are read through ffmpeg (in Node, pass a file path) or, in browsers, as a Blob', byteOffset: 0 });
    return readY4m(singleChunk(bytes), options);
  }
  if (Array.isArray(input)) return readImageSequence(input as SequenceItem[], readItem, options);
  if (typeof input === 'object' && input !== null && 'frames' in input) {
    const source = input as FrameSource;
    return readImageSequence(source.frames, readItem, { ...(source.frameRate === undefined ? {} : { frameRate: source.frameRate }), ...options });
  }
  throw new InvalidArgumentError({ argument: 'input', expected: 'Y4M bytes, an array of images, or { frames, frameRate }', received: input });
}

/**
 * Reads a clip as a stream of RGB frames: Y4M bytes (4:2:0, 4:2:2, 4:4:4, converted as ffmpeg does), an
 * array of images (decoded, or PNG/JPEG bytes), or `{ frames, frameRate }` from any (async) iterable.
 * Frames are read one at a time. `fps`, `start`, `end`, `maxFrames` select frames.
 *
 * @example
 * const video = await readVideo(y4mBytes, { fps: 8, maxFrames: 17 });
 * for await (const frame of video) console.log(frame.index, frame.width, frame.height);
 */
export function readVideo(input: VideoInput, options: ReadVideoInputOptions = {}): Promise<FrameStream> {
  return readVideoNeutral(input, options, readImage as SequenceImageReader);
}
