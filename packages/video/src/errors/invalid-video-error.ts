import { JointokError, type JointokErrorOptions } from '@jointok/core';

const symbol = Symbol.for('jointok.error.invalid-video');

/**
 * A video file or stream is malformed: a Y4M header that is missing, too long or inconsistent, a frame
 * cut short, a container that ffmpeg cannot decode, frames of different sizes in one clip. `format`
 * names the source (`'y4m'`, `'ffmpeg'`, `'image-sequence'`, `'frames'`), `reason` says what is wrong,
 * `byteOffset` / `frameIndex` where (when known).
 */
export class InvalidVideoError extends JointokError {
  private readonly [symbol] = true;
  readonly format: string;
  readonly reason: string;
  readonly byteOffset: number | undefined;
  readonly frameIndex: number | undefined;

  constructor(options: { format: string; reason: string; byteOffset?: number; frameIndex?: number } & JointokErrorOptions) {
    const where = [options.frameIndex === undefined ? '' : `frame ${options.frameIndex}`, options.byteOffset === undefined ? '' : `byte ${options.byteOffset}`].filter(Boolean).join(', ');
    super('invalid-video', `Invalid ${options.format} video: ${options.reason}${where === '' ? '' : ` (at ${where})`}.`, options);
    this.name = 'InvalidVideoError';
    this.format = options.format;
    this.reason = options.reason;
    this.byteOffset = options.byteOffset;
    this.frameIndex = options.frameIndex;
  }

  static override isInstance(error: unknown): error is InvalidVideoError {
    return JointokError.hasMarker(error, symbol);
  }
}
