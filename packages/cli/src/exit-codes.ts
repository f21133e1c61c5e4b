/**
 * The exit status of every `jointok` command. Scripts can rely on these numbers; they are listed in
 * the package README and by `jointok --help`.
 */
export const exitCodes = {
  /** Done. */
  ok: 0,
  /** An unexpected failure (a bug): please report it with the message. */
  internal: 1,
  /** The command line is wrong: unknown command or option, a missing or malformed argument. */
  usage: 2,
  /** An input file, folder or manifest does not exist. */
  inputNotFound: 3,
  /** An input exists but cannot be used: unsupported format, corrupt image or audio, malformed tokens.json. */
  invalidInput: 4,
  /** A model or layout problem: unknown layout, model not found, models that do not fit the layout. */
  model: 5,
  /** The output cannot be written, or holds another run's results. */
  output: 6,
  /** Interrupted (Ctrl-C / SIGINT); a pretokenize run resumes where it stopped. */
  interrupted: 130,
} as const;

/** One of {@link exitCodes}' values. */
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
