import { JointokError, type JointokErrorOptions } from '@jointok/core';

const symbol = Symbol.for('jointok.error.invalid-audio');

/**
 * An audio file or stream is malformed: a truncated or inconsistent header, a chunk size that
 * runs past the end of the bytes, an impossible sample rate or channel count, or a compressed
 * stream its decoder rejects. `format` names the container (`'wav'`, `'flac'`, `'mp3'`, `'ogg'`),
 * `reason` says what is wrong, `byteOffset` where (when known).
 */
export class InvalidAudioError extends JointokError {
  private readonly [symbol] = true;
  readonly format: string;
  readonly reason: string;
  readonly byteOffset: number | undefined;

  constructor(options: { format: string; reason: string; byteOffset?: number } & JointokErrorOptions) {
    const where = options.byteOffset === undefined ? '' : ` (at byte ${options.byteOffset})`;
    super('invalid-audio', `Invalid ${options.format} audio: ${options.reason}${where}.`, options);
    this.name = 'InvalidAudioError';
    this.format = options.format;
    this.reason = options.reason;
    this.byteOffset = options.byteOffset;
  }

  static override isInstance(error: unknown): error is InvalidAudioError {
    return JointokError.hasMarker(error, symbol);
  }
}
