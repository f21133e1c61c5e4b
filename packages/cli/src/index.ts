/**
 * @jointok/cli — the `jointok` command. The executable is `jointok` (see the README); this entry lets a
 * program run it in-process (`main(argv)` returns the exit code) and names the exit codes.
 */
export { main, createProgram } from './program.js';
export { exitCodes, type ExitCode } from './exit-codes.js';
export { UsageError, InputNotFoundError, OutputConflictError } from './errors/index.js';
export type { TokensFile } from './tokens-file/tokens-file.js';
export type { ShardManifest } from './pretokenize/shard-manifest.js';
