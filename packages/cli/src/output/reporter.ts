import { coloursFor, type Colours } from './colours.js';

/**
 * Where a command writes: results on stdout, messages and progress on stderr. With `--json`, stdout
 * gets exactly one JSON document and nothing else.
 */
export interface Reporter {
  readonly json: boolean;
  /** Colours for stdout. */
  readonly colours: Colours;
  /** Colours for stderr. */
  readonly errorColours: Colours;
  /** A line of the human result (ignored with --json). */
  line(text?: string): void;
  /** A note on stderr (ignored with --json). */
  note(text: string): void;
  /** The JSON result (only with --json). */
  result(value: unknown): void;
  readonly stderr: NodeJS.WriteStream;
}

/** A reporter on the process's streams. */
export function createReporter(options: { json: boolean; stdout?: NodeJS.WriteStream; stderr?: NodeJS.WriteStream }): Reporter {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  return {
    json: options.json,
    colours: coloursFor(stdout),
    errorColours: coloursFor(stderr),
    stderr,
    line(text = '') {
      if (!options.json) stdout.write(`${text}\n`);
    },
    note(text) {
      if (!options.json) stderr.write(`${text}\n`);
    },
    result(value) {
      if (options.json) stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
  };
}
