import { InvalidArgumentError } from '@jointok/core';
import { readImage, type RgbImage } from '@jointok/image';
import { InvalidVideoError } from '../errors/invalid-video-error.js';
import { createFrameStream } from '../frames/create-frame-stream.js';
import { readSelection, selectFrames } from '../frames/select-frames.js';
import type { DecodedFrame, FrameStream, LazyFrame } from '../frames/types.js';
import type { SequenceImageReader } from '../sequence/read-image-sequence.js';
import { readY4m } from '../y4m/read-y4m.js';
import { isY4m, readVideoNeutral, type ReadVideoInputOptions, type VideoInput } from './read-video.js';

/** A WebCodecs `VideoFrame` (or anything drawable with a display size and a timestamp in microseconds). */
export interface WebCodecsFrameLike {
  readonly displayWidth: number;
  readonly displayHeight: number;
  readonly timestamp: number;
  close(): void;
}

/** What the browser's `readVideo` reads: the neutral inputs, a Blob / File, a `<video>` element, or WebCodecs frames. */
export type BrowserVideoInput = VideoInput | Blob | HTMLVideoElement | AsyncIterable<WebCodecsFrameLike>;

/** Options of the browser's `readVideo`: `frameRate` also tells a `<video>` element's rate (default 25). */
export type BrowserReadVideoOptions = ReadVideoInputOptions;

function canvasPixels(source: CanvasImageSource, width: number, height: number): RgbImage {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new InvalidVideoError({ format: 'video-element', reason: 'no 2D canvas context to read frames with' });
  context.drawImage(source, 0, 0, width, height);
  const rgba = context.getImageData(0, 0, width, height).data;
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, o = 0; i < rgba.length; i += 4, o += 3) {
    data[o] = rgba[i]!;
    data[o + 1] = rgba[i + 1]!;
    data[o + 2] = rgba[i + 2]!;
  }
  return { width, height, channels: 3, data };
}

async function readWebCodecs(frames: AsyncIterable<WebCodecsFrameLike>, options: BrowserReadVideoOptions): Promise<FrameStream> {
  const selection = readSelection(options);
  const iterator = frames[Symbol.asyncIterator]();
  const head = await iterator.next();
  if (head.done === true) throw new InvalidVideoError({ format: 'webcodecs', reason: 'no frames' });
  const { displayWidth: width, displayHeight: height } = head.value;
  const rate = typeof options.frameRate === 'number' ? options.frameRate : 25;
  async function* lazy(): AsyncGenerator<LazyFrame> {
    let current: IteratorResult<WebCodecsFrameLike> = head;
    for (let index = 0; current.done !== true; index++) {
      const frame = current.value;
      try {
        if (frame.displayWidth !== width || frame.displayHeight !== height) throw new InvalidVideoError({ format: 'webcodecs', reason: `frame of ${frame.displayWidth}x${frame.displayHeight} in a ${width}x${height} clip`, frameIndex: index });
        yield { index, decode: () => canvasPixels(frame as unknown as CanvasImageSource, width, height) };
      } finally {
        frame.close();
      }
      current = await iterator.next();
    }
  }
  return createFrameStream({ width, height, frameRate: selection.fps ?? rate, sourceFrameRate: rate, format: 'webcodecs' }, selectFrames(lazy(), rate, selection, options.signal), async () => {
    await iterator.return?.();
  });
}

function waitFor(video: HTMLVideoElement, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = () => reject(new InvalidVideoError({ format: 'video-element', reason: `the browser cannot decode this video (${video.error?.message ?? 'media error'})` }));
    video.addEventListener(event, () => resolve(), { once: true });
    video.addEventListener('error', fail, { once: true });
  });
}

async function readVideoElement(video: HTMLVideoElement, options: BrowserReadVideoOptions, release?: () => void): Promise<FrameStream> {
  const selection = readSelection(options);
  if (video.readyState < 1) await waitFor(video, 'loadedmetadata');
  const width = video.videoWidth;
  const height = video.videoHeight;
  const rate = typeof options.frameRate === 'number' ? options.frameRate : 25;
  const count = Math.floor(video.duration * rate + 1e-9);
  async function* frames(): AsyncGenerator<DecodedFrame> {
    const step = selection.fps ?? rate;
    for (let k = 0; k < selection.maxFrames; k++) {
      const time = selection.start + k / step;
      if (time >= selection.end || time * rate >= count) return;
      // Seek to the middle of the frame's display interval, so that rounding never lands on its neighbour.
      video.currentTime = (Math.floor(time * rate + 1e-9) + 0.5) / rate;
      await waitFor(video, 'seeked');
      yield { ...canvasPixels(video, width, height), index: Math.floor(time * rate + 1e-9), timestamp: time };
    }
  }
  return createFrameStream({ width, height, frameRate: selection.fps ?? rate, sourceFrameRate: rate, format: 'video-element' }, frames(), release);
}

/**
 * Reads a clip as a stream of RGB frames. Browsers add: a `Blob`/`File` (Y4M streamed and converted exactly
 * as ffmpeg converts it; any other container decoded by the browser through a `<video>` element), an
 * `HTMLVideoElement` (frames sampled by seeking, at `options.frameRate`, default 25), or an async iterable
 * of WebCodecs `VideoFrame`s (closed as they are read). Browser decoders and colour management are the
 * browser's own: use Y4M where pixels must match ffmpeg's.
 */
export async function readVideo(input: BrowserVideoInput, options: BrowserReadVideoOptions = {}): Promise<FrameStream> {
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    const head = new Uint8Array(await input.slice(0, 9).arrayBuffer());
    if (isY4m(head)) return readY4m(input.stream() as unknown as AsyncIterable<Uint8Array>, options);
    const url = URL.createObjectURL(input);
    const video = document.createElement('video');
    video.muted = true;
    video.preload = 'auto';
    video.src = url;
    return readVideoElement(video, options, () => {
      video.removeAttribute('src');
      URL.revokeObjectURL(url);
    });
  }
  if (typeof HTMLVideoElement !== 'undefined' && input instanceof HTMLVideoElement) return readVideoElement(input, options);
  if (typeof input === 'object' && input !== null && Symbol.asyncIterator in input && !('frames' in input)) return readWebCodecs(input as AsyncIterable<WebCodecsFrameLike>, options);
  if (input === null || input === undefined) throw new InvalidArgumentError({ argument: 'input', expected: 'a video source', received: input });
  return readVideoNeutral(input, options, readImage as SequenceImageReader);
}
