import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { InvalidSpecError } from 'jointok';
import { InputNotFoundError } from '../errors/index.js';
import { globBase, globToRegExp, isGlob } from './glob.js';

/** One document of a dataset: a file (one part, detected by content) or a chat-style document of a JSONL manifest. */
export type DatasetDocument =
  | { readonly id: string; readonly kind: 'file'; readonly path: string }
  | { readonly id: string; readonly kind: 'document'; readonly document: unknown; readonly baseDir: string };

/** A dataset's documents in their fixed order, and a fingerprint of that list (for resume and merge checks). */
export interface Dataset {
  readonly documents: readonly DatasetDocument[];
  readonly fingerprint: string;
}

async function walk(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

/** Byte order of the UTF-8 names, so every machine lists a dataset the same way whatever its locale. */
function byCodeUnits(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function filesAsDocuments(root: string, files: string[]): DatasetDocument[] {
  return files
    .map((path) => ({ id: relative(root, path).split(sep).join('/'), kind: 'file' as const, path }))
    .sort((a, b) => byCodeUnits(a.id, b.id));
}

async function readManifest(path: string): Promise<DatasetDocument[]> {
  const baseDir = dirname(resolve(path));
  const documents: DatasetDocument[] = [];
  const lines = (await readFile(path, 'utf8')).split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let document: unknown;
    try {
      document = JSON.parse(line);
    } catch (cause) {
      throw new InvalidSpecError({ path: `${path}:${i + 1}`, expected: 'one JSON document per line', received: line.slice(0, 60), cause });
    }
    const id = (document as { id?: unknown })?.id;
    documents.push({ id: typeof id === 'string' ? id : `${i + 1}`, kind: 'document', document, baseDir });
  }
  return documents;
}

/**
 * Lists a dataset: a folder (every file below it, hidden ones skipped, in byte order of their paths),
 * a glob (`data/**\/*.png`), or a `.jsonl` manifest of chat-style documents (in line order).
 */
export async function listDataset(input: string): Promise<Dataset> {
  let documents: DatasetDocument[];
  if (isGlob(input)) {
    const base = globBase(input);
    const pattern = globToRegExp(input.slice(base === '.' && !input.startsWith('./') ? 0 : base.length + 1));
    const info = await stat(base).catch(() => undefined);
    if (!info?.isDirectory()) throw new InputNotFoundError({ path: base, role: 'dataset folder' });
    documents = filesAsDocuments(base, (await walk(base)).filter((path) => pattern.test(relative(base, path).split(sep).join('/'))));
  } else {
    const info = await stat(input).catch(() => undefined);
    if (info === undefined) throw new InputNotFoundError({ path: input, role: 'dataset (folder, glob or .jsonl manifest)' });
    documents = info.isDirectory() ? filesAsDocuments(input, await walk(input)) : await readManifest(input);
  }
  const hash = createHash('sha256');
  for (const d of documents) hash.update(`${d.id}\n`);
  return { documents, fingerprint: `sha256:${hash.digest('hex')}` };
}
