import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { InvalidSpecError } from '@jointok/core';
import { compileTokenizerJson, fromOwnedCompiledTokenizer } from '../tokenizer-json/compiled-tokenizer.js';
import type { HfTokenizer } from '../tokenizer-json/hf-tokenizer.js';

/** Options of {@link loadTokenizerJsonFile}. */
export interface LoadTokenizerJsonFileOptions {
  /**
   * Folder of compiled tokenizers, one file per tokenizer.json content (named by its SHA-256); `false`
   * for none. Default: `jointok-tokenizers` in the system's temporary folder.
   */
  cacheDirectory?: string | false;
}

/**
 * Loads a tokenizer.json file through a cache of compiled tokenizers keyed by the file's SHA-256: the
 * first load of a file reads its JSON and writes the compiled form (`compileTokenizerJson`), later loads
 * of the same content read only that (`fromCompiledTokenizer`), several times faster. An unreadable or
 * outdated cache entry is compiled again; a cache folder that cannot be written is skipped.
 *
 * Hashing a 30 MB file takes about 80 ms, a third of a cached load, so the cache also remembers each
 * file's SHA-256 with its size, modification time and inode: while those are unchanged, the file is not
 * read at all. (A file rewritten with the same size within the same millisecond, keeping its inode,
 * would go unnoticed; pass `cacheDirectory: false` where files change in place that way.)
 */
export function loadTokenizerJsonFile(path: string, options: LoadTokenizerJsonFileOptions = {}): HfTokenizer {
  const directory = options.cacheDirectory ?? join(tmpdir(), 'jointok-tokenizers');
  if (directory === false) return fromOwnedCompiledTokenizer(compileTokenizerJson(readFileSync(path, 'utf8')));
  const stamp = fileStamp(path);
  const indexEntry = join(directory, 'files', `${createHash('sha256').update(resolve(path)).digest('hex')}.json`);
  const known = readKnownHash(indexEntry, stamp);
  if (known !== undefined) {
    const hit = readCompiled(join(directory, `${known}.jtkc`));
    if (hit !== undefined) return hit;
  }
  const file = readFileSync(path);
  const sha256 = createHash('sha256').update(file).digest('hex');
  const cached = join(directory, `${sha256}.jtkc`);
  const hit = known === sha256 ? undefined : readCompiled(cached);
  if (hit !== undefined) {
    writeAtomically(indexEntry, JSON.stringify({ ...stamp, sha256 }));
    return hit;
  }
  const compiled = compileTokenizerJson(file.toString('utf8'));
  writeAtomically(cached, compiled);
  writeAtomically(indexEntry, JSON.stringify({ ...stamp, sha256 }));
  return fromOwnedCompiledTokenizer(compiled);
}

interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

function fileStamp(path: string): FileStamp {
  const { size, mtimeMs, ino } = statSync(path);
  return { size, mtimeMs, ino };
}

/** The SHA-256 the index remembers for a file of this stamp, or undefined. */
function readKnownHash(entry: string, stamp: FileStamp): string | undefined {
  try {
    const known = JSON.parse(readFileSync(entry, 'utf8')) as Partial<FileStamp & { sha256: string }>;
    const same = known.size === stamp.size && known.mtimeMs === stamp.mtimeMs && known.ino === stamp.ino;
    return same && typeof known.sha256 === 'string' && /^[0-9a-f]{64}$/.test(known.sha256) ? known.sha256 : undefined;
  } catch {
    return undefined;
  }
}

/** The tokenizer of a cache entry, or undefined when it is missing, stale (other version) or damaged. */
function readCompiled(file: string): HfTokenizer | undefined {
  try {
    return fromOwnedCompiledTokenizer(readFileSync(file));
  } catch (error) {
    // Other errors are real.
    if (!(isMissing(error) || InvalidSpecError.isInstance(error))) throw error;
    return undefined;
  }
}

/** Written aside and renamed (a concurrent reader sees the old file or the whole new one); a read-only or full disk costs the speed-up, not the load. */
function writeAtomically(file: string, data: string | Uint8Array): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    // Skipped: see above.
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
