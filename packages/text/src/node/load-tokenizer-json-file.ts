import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { InvalidSpecError } from '@jointok/core';
import { compileTokenizerJson, fromCompiledTokenizer } from '../tokenizer-json/compiled-tokenizer.js';
import type { HfTokenizer } from '../tokenizer-json/hf-tokenizer.js';

/** Options of {@link loadTokenizerJsonFile}. */
export interface LoadTokenizerJsonFileOptions {
  /**
   * Folder of compiled tokenizers, one file per tokenizer.json content (named by its SHA-256); `false`
   * for none. Default: `jointok-tokenizers` in the system's temporary folder.
   */
  cacheDirectory?: string | false;
}

/** A file's identity and last change as the file system records them (any write changes `ctime`). */
type FileStamp = string;

// A file changed within this many milliseconds of being stamped could change again within the same
// clock tick, unseen by its stamp ("racy" stamps, as git calls them): such a file is not stamped.
const SETTLED_MS = 2000;

/**
 * Loads a tokenizer.json file through a cache of compiled tokenizers keyed by the file's SHA-256: the
 * first load of a file reads its JSON and writes the compiled form (`compileTokenizerJson`), later loads
 * of the same content read only that (`fromCompiledTokenizer`), several times faster. A file unchanged
 * since its last load (same device, inode, size, modification and change times) is not even read
 * again: a small stamp entry remembers its SHA-256 (hashing Gemma 3's 33 MB took a third of a load).
 * An unreadable or outdated cache entry is compiled again; a cache folder that cannot be written is
 * skipped.
 */
export function loadTokenizerJsonFile(path: string, options: LoadTokenizerJsonFileOptions = {}): HfTokenizer {
  const directory = options.cacheDirectory ?? join(tmpdir(), 'jointok-tokenizers');
  if (directory === false) return fromCompiledTokenizer(compileTokenizerJson(readFileSync(path, 'utf8')));
  const stamp = stampOf(path);
  const stampEntry = stamp === null ? null : join(directory, `${createHash('sha256').update(stamp).digest('hex')}.stamp`);
  if (stampEntry !== null) {
    const known = readCached(() => readFileSync(stampEntry, 'utf8'));
    if (known !== null && /^[0-9a-f]{64}$/.test(known)) {
      const tokenizer = readCached(() => fromCompiledTokenizer(readFileSync(join(directory, `${known}.jtkc`))));
      if (tokenizer !== null) return tokenizer;
    }
  }
  const file = readFileSync(path);
  const hash = createHash('sha256').update(file).digest('hex');
  const cached = join(directory, `${hash}.jtkc`);
  let tokenizer = readCached(() => fromCompiledTokenizer(readFileSync(cached)));
  if (tokenizer === null) {
    const compiled = compileTokenizerJson(file.toString('utf8'));
    writeAtomically(directory, cached, compiled);
    tokenizer = fromCompiledTokenizer(compiled);
  }
  // Stamped only if the file has not changed while it was read and hashed.
  if (stampEntry !== null && stampOf(path) === stamp) writeAtomically(directory, stampEntry, hash);
  return tokenizer;
}

/** The file's stamp, or null when it changed too recently to be trusted. */
function stampOf(path: string): FileStamp | null {
  const stat = statSync(path, { bigint: true });
  if (Date.now() - Number(stat.mtimeMs) < SETTLED_MS || Date.now() - Number(stat.ctimeMs) < SETTLED_MS) return null;
  return [resolve(path), stat.dev, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].join('\0');
}

/** What `read` gives, or null for a missing, stale (other version) or damaged entry; other errors are real. */
function readCached<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (isMissing(error) || InvalidSpecError.isInstance(error)) return null;
    throw error;
  }
}

function writeAtomically(directory: string, path: string, content: Uint8Array | string): void {
  try {
    mkdirSync(directory, { recursive: true });
    // Written aside and renamed: a concurrent reader sees the old entry or the whole new one.
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch {
    // A read-only or full disk costs the speed-up, not the load.
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
