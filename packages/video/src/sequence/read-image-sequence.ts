import { assertImage, toRgb, type Image8, type RgbImage } from '@jointok/image';
import { InvalidVideoError } from '../errors/invalid-video-error.js';
import { createFrameStream } from '../frames/create-frame-stream.js';
import { readSelection, selectFrames } from '../frames/select-frames.js';
import { DEFAULT_MAX_PIXELS, type FrameStream, type LazyFrame, type ReadVideoOptions } from '../frames/types.js';
import { toFrameRate, type FrameRate } from '../y4m/frame-rate.js';
import { ImageTooLargeError } from '@jointok/image';

/** One element of an image sequence: decoded pixels, or something the entry's `readImage` reads. */
export type SequenceItem = Image8 | ArrayBuffer | ArrayBufferView | string | URL | Blob | object;

/** Options of an image sequence: the selection options plus the sequence's frame rate. */
export interface ImageSequenceOptions extends ReadVideoOptions {
  /** Frames per second of the sequence (default 25). */
  frameRate?: number | FrameRate;
}

/** Reads one item to pixels (the entry's `readImage`). */
export type SequenceImageReader = (item: never, options: { maxPixels: number }) => Promise<Image8>;

function isImage(value: unknown): value is Image8 {
  return typeof value === 'object' && value !== null && (value as Image8).data instanceof Uint8Array && typeof (value as Image8).width === 'number';
}

/**
 * Reads an image sequence (decoded frames, PNG/JPEG bytes, paths in Node, Blobs in browsers) as a clip,
 * one image at a time (items are read only when selected). Every frame must have the first one's size.
 *
 * @throws InvalidVideoError when a frame's size differs from the first frame's (naming the frame)
 */
export async function readImageSequence(items: Iterable<SequenceItem> | AsyncIterable<SequenceItem>, readImage: SequenceImageReader, options: ImageSequenceOptions = {}): Promise<FrameStream> {
  const selection = readSelection(options);
  const rate = toFrameRate(options.frameRate ?? 25);
  const sourceRate = rate.numerator / rate.denominator;
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const iterator = (Symbol.asyncIterator in (items as object) ? (items as AsyncIterable<SequenceItem>)[Symbol.asyncIterator]() : (items as Iterable<SequenceItem>)[Symbol.iterator]()) as AsyncIterator<SequenceItem> | Iterator<SequenceItem>;
  const load = async (item: SequenceItem, index: number): Promise<RgbImage> => {
    const image = isImage(item) ? item : await readImage(item as never, { maxPixels });
    assertImage(image, `frames[${index}]`);
    if (image.width * image.height > maxPixels) throw new ImageTooLargeError({ width: image.width, height: image.height, maxPixels });
    return image.channels === 3 ? (image as RgbImage) : toRgb(image);
  };
  // The first frame fixes the clip's size (read now, so that `info` is known before iterating).
  const head = await iterator.next();
  if (head.done === true) throw new InvalidVideoError({ format: 'image-sequence', reason: 'the sequence has no frames' });
  const first = await load(head.value, 0);
  async function* lazy(): AsyncGenerator<LazyFrame> {
    yield { index: 0, decode: () => first };
    for (let index = 1; ; index++) {
      const next = await iterator.next();
      if (next.done === true) return;
      const item = next.value;
      yield {
        index,
        decode: async () => {
          const image = await load(item, index);
          if (image.width !== first.width || image.height !== first.height) {
            throw new InvalidVideoError({ format: 'image-sequence', reason: `frame of ${image.width}x${image.height} in a ${first.width}x${first.height} clip`, frameIndex: index });
          }
          return image;
        },
      };
    }
  }
  const info = { width: first.width, height: first.height, frameRate: selection.fps ?? sourceRate, sourceFrameRate: sourceRate, format: 'image-sequence' as const };
  return createFrameStream(info, selectFrames(lazy(), sourceRate, selection, options.signal), async () => {
    await iterator.return?.();
  });
}
