import type { RgbImage } from '@jointok/image';

/** One frame of a clip: RGB pixels (HWC, 8 bits), its index in the source and its time in seconds. */
export interface DecodedFrame extends RgbImage {
  /** Index of the frame in the source (before any `fps` / `start` selection). */
  readonly index: number;
  /** Presentation time in seconds: `index / frameRate` of the source. */
  readonly timestamp: number;
}

/** What a reader knows about a clip before its first frame. */
export interface VideoInfo {
  readonly width: number;
  readonly height: number;
  /** Frames per second of the frames the stream yields (the `fps` option when given, else the source's). */
  readonly frameRate: number;
  /** The source's own frames per second. */
  readonly sourceFrameRate: number;
  /** Number of frames in the source, when the container says so. */
  readonly sourceFrameCount?: number;
  /** Where the frames come from. */
  readonly format: 'y4m' | 'ffmpeg' | 'image-sequence' | 'frames' | 'webcodecs' | 'video-element';
  /** Y4M: the chroma subsampling of the file (`'420'`, `'422'`, `'444'`). */
  readonly chroma?: '420' | '422' | '444';
  /** Y4M: the YCbCr range (`XCOLORRANGE`; limited unless the file says FULL). */
  readonly colorRange?: 'limited' | 'full';
}

/**
 * Frames read one at a time: a long clip never sits in memory whole. Iterate it once with
 * `for await`; breaking out of the loop (or `close()`) releases the file or the ffmpeg process.
 */
export interface FrameStream extends AsyncIterable<DecodedFrame> {
  readonly info: VideoInfo;
  /** Stops reading and releases the source; idempotent. */
  close(): Promise<void>;
}

/** Options of `readVideo`. */
export interface ReadVideoOptions {
  /** Output frame rate: frame k is the source frame nearest to `start + k / fps`. Default: every source frame. */
  fps?: number;
  /** Stop after this many frames. */
  maxFrames?: number;
  /** First time to read, in seconds (default 0). */
  start?: number;
  /** Time to stop before, in seconds (exclusive; default: the end of the clip). */
  end?: number;
  /** Largest frame (width × height) accepted, checked before any pixel memory is allocated. Default 178,956,970 (Pillow's limit). */
  maxPixels?: number;
  /** Aborts reading between frames. */
  signal?: AbortSignal;
}

/** Frames whose pixels are decoded only when selected (Y4M planes are converted only for the frames kept). */
export interface LazyFrame {
  readonly index: number;
  decode(): RgbImage | Promise<RgbImage>;
}

/** Pillow's decompression-bomb limit, used as the default `maxPixels`. */
export const DEFAULT_MAX_PIXELS = 178_956_970;
