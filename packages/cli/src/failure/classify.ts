import { JointokError } from 'jointok';
import { InputNotFoundError, OutputConflictError, UsageError } from '../errors/index.js';
import { exitCodes, type ExitCode } from '../exit-codes.js';
import { stageOf } from './stage.js';

/** What the command tells the user about a failure. */
export interface Failure {
  readonly exitCode: ExitCode;
  /** The error's stable code (`'invalid-image'`, `'usage'`, ...), or `'internal'`. */
  readonly code: string;
  readonly message: string;
  /** What to do about it. */
  readonly hint: string | undefined;
}

const inputCodes = new Set(['invalid-image', 'image-too-large', 'invalid-audio', 'unsupported', 'non-finite-value', 'invalid-spec', 'unknown-token-id', 'truncated-block', 'unexpected-token-id']);
const modelCodes = new Set(['repository-not-found', 'unknown-family', 'code-space-mismatch', 'modality-mismatch', 'unresolved-token', 'download', 'offline', 'integrity', 'invalid-weights-file', 'weights-mismatch', 'missing-dependency', 'runtime', 'layout-overlap', 'codebook-overflow']);

const hints: Record<string, string> = {
  'invalid-image': 'The file is not a readable PNG or JPEG (truncated or corrupt?). Re-export it, or leave it out.',
  'image-too-large': 'Downscale the image first; the limit guards against decompression bombs.',
  'invalid-audio': 'The file is not readable WAV, FLAC, MP3 or Ogg audio (truncated or corrupt?). Re-encode it, or leave it out.',
  unsupported: 'Supported inputs: text, PNG, JPEG, WAV, FLAC, MP3, Ogg (Vorbis/Opus). Convert the file to one of them.',
  'repository-not-found': 'Check the model path or id; `jointok models` lists what is cached, `jointok download <source>` fetches one.',
  'unknown-family': 'The model needs a family this installation lacks; install the package the message names.',
  'code-space-mismatch': 'The model does not fit the layout: choose the model the layout was made for, or another --layout.',
  'unresolved-token': 'This layout names tokens of a specific vocabulary: pass that model\'s tokenizer.json with --text-model.',
  offline: 'Unset JOINTOK_OFFLINE, or `jointok download` the model while online.',
  'input-not-found': 'Check the path. To encode a string that looks like a file name as text, write it as text:<string>.',
  'output-conflict': 'Use another --out folder, or remove this one (or pass --overwrite) to start over.',
  'invalid-spec': 'The file does not have the expected structure; the message names the field.',
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function codeOf(error: unknown): string {
  if (JointokError.isInstance(error)) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'internal';
}

/** Maps an error to an exit code, a message and a hint. */
export function classifyFailure(error: unknown): Failure {
  const code = codeOf(error);
  const stage = stageOf(error);
  const fail = (exitCode: ExitCode, hint = hints[code]): Failure => ({ exitCode, code, message: messageOf(error), hint });
  if (UsageError.isInstance(error)) return fail(exitCodes.usage, error.hint);
  if (InputNotFoundError.isInstance(error)) return fail(exitCodes.inputNotFound, error.role === 'file' ? hints['input-not-found'] : 'Check the path (relative paths start from the current folder).');
  if (OutputConflictError.isInstance(error)) return fail(exitCodes.output);
  if ((error as { name?: string } | null)?.name === 'AbortError') return fail(exitCodes.interrupted, 'Run the same command again to continue.');
  if (code === 'ENOENT') return stage === 'output' ? fail(exitCodes.output, 'Create the folder first, or choose another --out.') : fail(exitCodes.inputNotFound, hints['input-not-found']);
  if (code === 'EACCES' || code === 'EPERM' || code === 'ENOSPC' || code === 'EROFS' || code === 'EISDIR' || code === 'ENOTDIR')
    return stage === 'output' ? fail(exitCodes.output, 'Check that the output folder is writable and has space.') : fail(exitCodes.invalidInput, 'Check the path and its permissions.');
  if (code === 'repository-not-found' && messageOf(error).includes('jointok-image-base'))
    return fail(exitCodes.model, 'The built-in image model jointok-image-base is not in this installation of @jointok/image; pass --image-model <folder | URL | hf:owner/name@rev>.');
  if (stage === 'models' && code === 'invalid-argument') return fail(exitCodes.model, '`jointok inspect <layout>` describes a layout; a layout file is JSON with "format": "jointok.layout".');
  if (stage === 'models' || modelCodes.has(code)) return fail(exitCodes.model);
  if (stage === 'arguments') return fail(exitCodes.usage, hints[code] ?? 'See `jointok <command> --help`.');
  if (stage === 'input' || inputCodes.has(code)) return fail(exitCodes.invalidInput);
  if (stage === 'output') return fail(exitCodes.output);
  return { exitCode: exitCodes.internal, code, message: error instanceof Error ? (error.stack ?? error.message) : String(error), hint: 'This looks like a bug in jointok; please report it with this message.' };
}
