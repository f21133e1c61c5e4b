import { JointokError, type JointokErrorOptions } from '@jointok/core';

const symbol = Symbol.for('jointok.error.missing-program');

/**
 * An external program (`ffmpeg`, `ffprobe`) is needed and cannot be run. `program` is its name,
 * `packageName` the system package that provides it (Debian/Ubuntu: `ffmpeg`), `purpose` what needed it.
 */
export class MissingProgramError extends JointokError {
  private readonly [symbol] = true;
  readonly program: string;
  readonly packageName: string;
  readonly purpose: string;

  constructor(options: { program: string; packageName: string; purpose: string } & JointokErrorOptions) {
    super(
      'missing-program',
      `${options.purpose} needs the program ${options.program}, which could not be run; install the package ${options.packageName} (Debian/Ubuntu: apt-get install ${options.packageName}; macOS: brew install ${options.packageName}) or pass its path in options.ffmpegPath.`,
      options,
    );
    this.name = 'MissingProgramError';
    this.program = options.program;
    this.packageName = options.packageName;
    this.purpose = options.purpose;
  }

  static override isInstance(error: unknown): error is MissingProgramError {
    return JointokError.hasMarker(error, symbol);
  }
}
