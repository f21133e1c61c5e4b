import { JointokError, type JointokErrorOptions } from '@jointok/core';

const symbol = Symbol.for('jointok.error.invalid-image');

/** The container an image was read as; `'unknown'` when its first bytes match no supported format. */
export type ImageFormat = 'png' | 'jpeg' | 'unknown';

/**
 * Image bytes that cannot be decoded: not a PNG or JPEG, truncated, corrupt, or describing an image
 * with no pixels. `format` is what the bytes were read as, `reason` says what is wrong.
 */
export class InvalidImageError extends JointokError {
  private readonly [symbol] = true;
  readonly format: ImageFormat;
  readonly reason: string;

  constructor(options: { format: ImageFormat; reason: string; message?: string } & JointokErrorOptions) {
    super('invalid-image', options.message ?? `Invalid ${options.format === 'unknown' ? 'image' : options.format.toUpperCase()} data: ${options.reason}.`, options);
    this.name = 'InvalidImageError';
    this.format = options.format;
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is InvalidImageError {
    return JointokError.hasMarker(error, symbol);
  }
}
