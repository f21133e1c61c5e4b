import { checkTokenBlock, createModalityTokenizer, DisposedError, InvalidArgumentError, ShapeMismatchError, type CodeSpace, type TokenBlock, type TokenizeCallOptions } from '@jointok/core';
import type { ImageTokenizer, RgbImage } from '@jointok/image';
import { CodesBuffer } from './codes-buffer.js';
import { frameBlocks } from './frame-blocks.js';
import { framesOf, type VideoReader } from './frame-source.js';
import type { VideoEncodeOptions, VideoSource, VideoTokenizer } from './video-tokenizer.js';

/** A video tokenizer that applies an image tokenizer frame by frame. */
export interface PerFrameTokenizer extends VideoTokenizer {
  /** The image tokenizer it applies (its codes are each frame's codes: a shared image/video code space). */
  readonly imageTokenizer: ImageTokenizer;
}

/** Options of {@link createPerFrameTokenizer}. */
export interface PerFrameTokenizerOptions {
  /** Reads sources that are not frames yet (the entry's `readVideo`). */
  readonly readVideo: VideoReader;
  /** Whether `dispose()` also disposes the image tokenizer (default true). */
  readonly ownsImageTokenizer?: boolean;
}

/** The code space of clips of an image tokenizer's frames: a `time` axis in front of the image's axes. */
export function perFrameCodeSpace(image: CodeSpace): CodeSpace {
  return {
    axes: ['time', ...image.axes],
    ...(image.sizes === undefined ? {} : { sizes: [null, ...image.sizes] }),
    streams: image.streams,
  };
}

/**
 * Per-frame image tokens, the default video tokenizer (Emu3, LaVIT and SEED-style video): every frame is
 * encoded by the image tokenizer on its own (temporal compression 1, no padding), and a clip's block is the
 * frames' blocks stacked, `[t, h, w]`. Frame ends belong to the layout (`frameEnd` of a grid body).
 * Frames stream through: only codes are kept.
 */
export function createPerFrameTokenizer(imageTokenizer: ImageTokenizer, options: PerFrameTokenizerOptions): PerFrameTokenizer {
  if (imageTokenizer?.modality !== 'image') throw new InvalidArgumentError({ argument: 'imageTokenizer', expected: 'an image tokenizer', received: imageTokenizer });
  const codeSpace = perFrameCodeSpace(imageTokenizer.codeSpace);

  const encode = async (clip: VideoSource, callOptions: VideoEncodeOptions = {}): Promise<TokenBlock<'video'>> => {
    const codes = new CodesBuffer();
    let shape: number[] | undefined;
    let frameMeta: Readonly<Record<string, unknown>> = {};
    let frames = 0;
    let streams: readonly string[] | undefined;
    for await (const frame of framesOf(clip, options.readVideo, callOptions)) {
      const block = await imageTokenizer.encode(frame, callOptions.signal === undefined ? {} : { signal: callOptions.signal });
      if (shape === undefined) {
        shape = [...block.shape];
        frameMeta = block.meta;
        streams = block.streams;
      } else if (block.shape.length !== shape.length || block.shape.some((d, i) => d !== shape![i])) {
        throw new ShapeMismatchError({ argument: `clip frame ${frames}`, expected: `codes of shape [${shape.join(', ')}] like frame 0 (frames of one size)`, received: block.shape });
      }
      codes.push(block.codes);
      frames++;
      callOptions.onProgress?.({ frames });
    }
    if (shape === undefined) throw new InvalidArgumentError({ argument: 'clip', expected: 'at least one frame', received: 'an empty clip' });
    return { modality: 'video', codes: codes.toArray(), shape: [frames, ...shape], ...(streams === undefined ? {} : { streams }), meta: { frames, frameMeta } };
  };

  let disposed = false;
  async function* decodeFrames(block: TokenBlock<'video'>, callOptions: TokenizeCallOptions = {}): AsyncGenerator<RgbImage> {
    if (disposed) throw new DisposedError({ resource: 'video tokenizer', operation: 'decodeFrames' });
    if (block?.modality !== 'video') throw new InvalidArgumentError({ argument: 'block.modality', expected: "'video'", received: block?.modality });
    checkTokenBlock(block, codeSpace);
    for (const frame of frameBlocks(block)) {
      callOptions.signal?.throwIfAborted();
      yield await imageTokenizer.decode(frame, callOptions);
    }
  }

  const decode = async (block: TokenBlock<'video'>, callOptions: TokenizeCallOptions = {}): Promise<RgbImage[]> => {
    const frames: RgbImage[] = [];
    for await (const frame of decodeFrames(block, callOptions)) frames.push(frame);
    return frames;
  };

  const tokenizer = createModalityTokenizer<VideoSource, RgbImage[], 'video'>({
    modality: 'video',
    codeSpace,
    encode,
    decode,
    dispose: () => {
      disposed = true;
      return options.ownsImageTokenizer === false ? undefined : imageTokenizer.dispose();
    },
  });
  return Object.assign(tokenizer, {
    manifest: imageTokenizer.manifest,
    temporalCompression: 1,
    imageTokenizer,
    decodeFrames,
    encode: tokenizer.encode as VideoTokenizer['encode'],
    decode: tokenizer.decode as VideoTokenizer['decode'],
  }) as PerFrameTokenizer;
}
