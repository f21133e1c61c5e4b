import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * Loads a tokenizer.json file through a cache of compiled tokenizers keyed by the file's SHA-256: the
 * first load of a file reads its JSON and writes the compiled form (`compileTokenizerJson`), later loads
 * of the same content read only that (`fromCompiledTokenizer`), several times faster. An unreadable or
 * outdated cache entry is compiled again; a cache folder that cannot be written is skipped.
 */
export function loadTokenizerJsonFile(path: string, options: LoadTokenizerJsonFileOptions = {}): HfTokenizer {
  const file = readFileSync(path);
  const directory = options.cacheDirectory ?? join(tmpdir(), 'jointok-tokenizers');
  if (directory === false) return fromCompiledTokenizer(compileTokenizerJson(file.toString('utf8')));
  const cached = join(directory, `${createHash('sha256').update(file).digest('hex')}.jtkc`);
  try {
    return fromCompiledTokenizer(readFileSync(cached));
  } catch (error) {
    // A missing, stale (other version) or damaged entry: compile again. Other errors are real.
    if (!(isMissing(error) || InvalidSpecError.isInstance(error))) throw error;
  }
  const compiled = compileTokenizerJson(file.toString('utf8'));
  try {
    mkdirSync(directory, { recursive: true });
    // Written aside and renamed: a concurrent reader sees the old entry or the whole new one.
    const temporary = `${cached}.${process.pid}.tmp`;
    writeFileSync(temporary, compiled);
    renameSync(temporary, cached);
  } catch {
    // A read-only or full disk costs the speed-up, not the load.
  }
  return fromCompiledTokenizer(compiled);
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
