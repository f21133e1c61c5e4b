import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { MissingProgramError } from '../errors/missing-program-error.js';

/** Where the ffmpeg binaries are: `options.ffmpegPath` / `ffprobePath`, else `ffmpeg` / `ffprobe` on the PATH. */
export interface FfmpegOptions {
  /** Path of the ffmpeg binary (default `ffmpeg` from the PATH). */
  ffmpegPath?: string;
  /** Path of the ffprobe binary (default: next to `ffmpegPath`, else `ffprobe` from the PATH). */
  ffprobePath?: string;
}

/** The Debian/Ubuntu/Homebrew package that provides both programs. */
export const FFMPEG_PACKAGE = 'ffmpeg';

/** The ffprobe path that goes with an ffmpeg path (`/opt/x/ffmpeg` → `/opt/x/ffprobe`). */
export function ffprobePath(options: FfmpegOptions): string {
  if (options.ffprobePath !== undefined) return options.ffprobePath;
  if (options.ffmpegPath === undefined) return 'ffprobe';
  return options.ffmpegPath.replace(/ffmpeg(\.exe)?$/, (_, exe: string | undefined) => `ffprobe${exe ?? ''}`);
}

/**
 * Spawns a program; resolves once it has started (or rejects with a `MissingProgramError` when it cannot
 * be run), so that callers never write to a process that does not exist.
 */
export function startProgram(program: string, args: readonly string[], purpose: string): Promise<ChildProcessWithoutNullStreams> {
  return new Promise((resolve, reject) => {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    } catch (cause) {
      reject(new MissingProgramError({ program, packageName: FFMPEG_PACKAGE, purpose, cause }));
      return;
    }
    const onError = (cause: NodeJS.ErrnoException) => {
      reject(cause.code === 'ENOENT' || cause.code === 'EACCES' ? new MissingProgramError({ program, packageName: FFMPEG_PACKAGE, purpose, cause }) : cause);
    };
    child.once('error', onError);
    child.once('spawn', () => {
      child.off('error', onError);
      resolve(child);
    });
  });
}

/** Collects a child's stderr (the last 64 KiB) for error messages. */
export function collectStderr(child: ChildProcessWithoutNullStreams): () => string {
  let text = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    text = (text + chunk).slice(-65536);
  });
  return () => text.trim();
}

/** Resolves with the exit code (or the signal's name) once the process has ended. */
export function exited(child: ChildProcessWithoutNullStreams): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => child.once('close', (code, signal) => resolve(code ?? signal ?? -1)));
}

/** Runs a program to the end and returns its stdout, stderr and exit code. */
export async function runProgram(program: string, args: readonly string[], purpose: string): Promise<{ stdout: string; stderr: string; code: number | string }> {
  const child = await startProgram(program, args, purpose);
  child.stdin.end();
  const stderr = collectStderr(child);
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
  });
  const code = await exited(child);
  return { stdout, stderr: stderr(), code };
}
