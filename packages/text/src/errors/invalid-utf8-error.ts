import { JointokError, type JointokErrorOptions } from '@jointok/core';

const symbol = Symbol.for('jointok.error.invalid-utf8');

/** Decoded bytes are not valid UTF-8 and the call asked for strict decoding. */
export class InvalidUtf8Error extends JointokError {
  private readonly [symbol] = true;
  /** Byte offset of the first invalid sequence in the decoded bytes. */
  readonly byteOffset: number;

  constructor(options: { byteOffset: number; message?: string } & JointokErrorOptions) {
    super(
      'invalid-utf8',
      options.message ??
        `The decoded bytes are not valid UTF-8 at byte ${options.byteOffset}; expected ids whose bytes form whole UTF-8 sequences (or decode with errors: 'replace').`,
      options,
    );
    this.name = 'InvalidUtf8Error';
    this.byteOffset = options.byteOffset;
  }

  static override isInstance(error: unknown): error is InvalidUtf8Error {
    return JointokError.hasMarker(error, symbol);
  }
}
