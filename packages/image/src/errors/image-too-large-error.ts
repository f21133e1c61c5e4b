import { JointokError, type JointokErrorOptions } from '@jointok/core';

const symbol = Symbol.for('jointok.error.image-too-large');

/**
 * An image's header declares more pixels than the reader allows (a decompression bomb guard, checked
 * before any pixel memory is allocated). Raise `maxPixels` in the read options to accept it.
 */
export class ImageTooLargeError extends JointokError {
  private readonly [symbol] = true;
  readonly width: number;
  readonly height: number;
  readonly maxPixels: number;

  constructor(options: { width: number; height: number; maxPixels: number; message?: string } & JointokErrorOptions) {
    super(
      'image-too-large',
      options.message ??
        `Image of ${options.width}x${options.height} (${options.width * options.height} pixels) exceeds the limit of ${options.maxPixels} pixels; pass a larger maxPixels to read it.`,
      options,
    );
    this.name = 'ImageTooLargeError';
    this.width = options.width;
    this.height = options.height;
    this.maxPixels = options.maxPixels;
  }

  static override isInstance(error: unknown): error is ImageTooLargeError {
    return JointokError.hasMarker(error, symbol);
  }
}
