import type { Manifest, ModalityTokenizer, TokenBlock, TokenizeCallOptions } from '@jointok/core';
import type { Image8, RgbImage } from '@jointok/image';
import type { FrameStream } from '../frames/types.js';

/**
 * What a video tokenizer encodes: a {@link FrameStream} from `readVideo`, any (async) iterable of images
 * (a one-image array is a still: an image as a one-frame clip), or whatever the entry's `readVideo`
 * reads (Y4M bytes everywhere, paths in Node, Blobs in browsers).
 */
export type VideoSource = FrameStream | Iterable<Image8> | AsyncIterable<Image8> | ArrayBuffer | ArrayBufferView | string | URL | Blob | object;

/** Options of `encode`: the call options, plus how to read a source that is not frames yet. */
export interface VideoEncodeOptions extends TokenizeCallOptions {
  /** Selection for sources read with `readVideo` (`fps`, `maxFrames`, `start`, `end`). */
  fps?: number;
  maxFrames?: number;
  start?: number;
  end?: number;
  /** Called after each window (per-frame tokenizers: each frame) with how many frames are done. */
  onProgress?: (progress: { readonly frames: number }) => void;
}

/**
 * A tokenizer of clips into spatio-temporal codes and back. `encode` streams its input (a long clip never
 * sits in memory whole: one window of frames at a time) and gives a `[t, h, w]` block (`t` latent frames;
 * per-frame tokenizers: `t` = frames; 1-D image tokenizers give `[t, n]`), with the input's size, frame
 * rate and temporal windows in `meta` so that `decode` gives back frames of the input's size and count.
 */
export interface VideoTokenizer extends ModalityTokenizer<VideoSource, RgbImage[], 'video'> {
  /** The model repository's manifest. */
  readonly manifest: Manifest;
  /** Frames per latent frame after the first (1 for per-frame tokens). */
  readonly temporalCompression: number;
  encode(clip: VideoSource, options?: VideoEncodeOptions): Promise<TokenBlock<'video'>>;
  /** Every decoded frame (see `decodeFrames` to stream them). */
  decode(block: TokenBlock<'video'>, options?: TokenizeCallOptions): Promise<RgbImage[]>;
  /** The decoded frames one window at a time. */
  decodeFrames(block: TokenBlock<'video'>, options?: TokenizeCallOptions): AsyncGenerator<RgbImage>;
}
