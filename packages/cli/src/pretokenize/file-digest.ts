import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ShardFileEntry } from './shard-manifest.js';

/** A file's size and sha256, read as a stream (shards can be many gigabytes). */
export async function fileEntry(path: string): Promise<ShardFileEntry> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { path: basename(path), bytes: (await stat(path)).size, sha256: hash.digest('hex') };
}

/** Writes a file so that readers see the old or the new contents, never a part: temporary file, fsync, rename. */
export function writeFileAtomicSync(path: string, contents: string): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, contents);
  const fd = openSync(temporary, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
