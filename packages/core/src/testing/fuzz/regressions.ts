import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFuzzValue, encodeFuzzValue } from './fuzz-value-codec.js';

/** A committed input that once failed a target, replayed by the target's tests. */
export interface FuzzRegression {
  /** The file it was read from. */
  readonly file: string;
  /** What it once did (`escaped-error: TypeError: ...`), and what fixed it. */
  readonly note: string;
  readonly input: unknown;
}

/**
 * Reads the regression inputs of one target: every `*.json` file in `directory/<target name with / as
 * __>` written by {@link writeFuzzRegression}. A missing folder is an empty list.
 */
export function readFuzzRegressions(directory: string, target: string): FuzzRegression[] {
  const folder = join(directory, folderName(target));
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = join(folder, name);
      const { note, input } = JSON.parse(readFileSync(file, 'utf8')) as { note: string; input: string };
      return { file, note, input: decodeFuzzValue(input) };
    });
}

/** Writes a failing input as a regression file named after its content; returns the file's path. */
export function writeFuzzRegression(directory: string, target: string, input: unknown, note: string): string {
  const encoded = encodeFuzzValue(input);
  const folder = join(directory, folderName(target));
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${createHash('sha256').update(encoded).digest('hex').slice(0, 16)}.json`);
  writeFileSync(file, `${JSON.stringify({ target, note, input: encoded }, null, 1)}\n`);
  return file;
}

function folderName(target: string): string {
  return target.replaceAll('/', '__');
}
