import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerDecode } from './commands/decode.js';
import { registerDownload } from './commands/download.js';
import { registerEncode } from './commands/encode.js';
import { registerInspect } from './commands/inspect.js';
import { registerMerge } from './commands/merge.js';
import { registerModels } from './commands/models.js';
import { registerPretokenize } from './commands/pretokenize.js';
import { registerRoundtrip } from './commands/roundtrip.js';
import { exitCodes } from './exit-codes.js';
import { classifyFailure } from './failure/classify.js';
import { createReporter } from './output/reporter.js';

const exitCodeHelp = `
Exit codes:
  0    done
  1    unexpected failure (a bug: please report it)
  2    wrong command line (unknown command or option, bad argument)
  3    an input file, folder or manifest does not exist
  4    an input cannot be used (unsupported format, corrupt image or audio, malformed file)
  5    a model or layout problem (unknown layout, model not found, models that do not fit the layout)
  6    the output cannot be written, or holds another run's results
  130  interrupted (pretokenize resumes when run again)`;

/** This package's version, from its package.json (next to dist/). */
function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Builds the `jointok` command line. */
export function createProgram(): Command {
  const program = new Command('jointok')
    .description('text, images and audio in one joint token space, and back')
    .version(packageVersion())
    .showHelpAfterError('(run `jointok <command> --help` for usage)')
    .addHelpText('after', exitCodeHelp)
    .exitOverride();
  const reporterFor = (options: { json?: boolean }) => createReporter({ json: options.json === true });
  registerEncode(program, reporterFor);
  registerDecode(program, reporterFor);
  registerRoundtrip(program, reporterFor);
  registerInspect(program, reporterFor);
  registerModels(program, reporterFor);
  registerDownload(program, reporterFor);
  registerPretokenize(program, reporterFor);
  registerMerge(program, reporterFor);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Runs `jointok` with `argv` (without the node and script paths) and returns the exit code. Errors are
 * printed on stderr as `error: <message>` and `hint: <what to do>` (or as JSON with `--json`).
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = createProgram();
  const json = argv.includes('--json');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end through here too, with exit code 0.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    const failure = classifyFailure(error);
    const reporter = createReporter({ json: false });
    if (json) process.stdout.write(`${JSON.stringify({ error: { code: failure.code, message: failure.message, hint: failure.hint, exitCode: failure.exitCode } }, null, 2)}\n`);
    else {
      const c = reporter.errorColours;
      process.stderr.write(`${c.red(c.bold('error:'))} ${failure.message}\n`);
      if (failure.hint !== undefined) process.stderr.write(`${c.cyan('hint:')} ${failure.hint}\n`);
    }
    return failure.exitCode;
  }
}
