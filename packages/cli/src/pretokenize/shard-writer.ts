import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { OutputConflictError } from '../errors/index.js';
import { fileEntry, writeFileAtomicSync } from './file-digest.js';
import { manifestText, SHARD_FILES, SHARDS_FORMAT, sortedCounts, type RunIdentity, type ShardManifest } from './shard-manifest.js';

/** A shard's place in the dataset. */
export interface ShardPlacement {
  readonly index: number;
  readonly count: number;
  readonly first: number;
  readonly end: number;
}

/** The checkpoint in progress.json: what is safely on disk. Anything past it is cut off on resume. */
interface Progress {
  readonly identity: RunIdentity;
  readonly shard: ShardPlacement;
  readonly documents: number;
  readonly skipped: number;
  readonly tokens: number;
  readonly documentsBytes: number;
  readonly byModality: Record<string, number>;
}

/** One document's result, in dataset order. */
export interface DocumentRecord {
  readonly id: string;
  readonly ids?: Int32Array;
  readonly counts?: Readonly<Record<string, number>>;
  /** Why the document was skipped (`--on-error skip`); it then has no tokens. */
  readonly error?: string;
}

/** Appends documents to a shard folder, checkpoints, resumes, and finishes with a manifest. */
export interface ShardWriter {
  /** The dataset index of the next document to append. */
  readonly next: number;
  /** Documents and tokens on disk so far. */
  readonly written: { readonly documents: number; readonly tokens: number };
  append(record: DocumentRecord): void;
  /** Makes everything appended so far durable and records it in progress.json. */
  checkpoint(): void;
  /** Checkpoints, checksums the files and writes manifest.json; the folder is then complete. */
  finish(): Promise<ShardManifest>;
  close(): void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const littleEndian = endianness() === 'LE';

function bytesOf(ids: Int32Array): Uint8Array {
  if (littleEndian) return new Uint8Array(ids.buffer, ids.byteOffset, ids.byteLength);
  const out = new Uint8Array(ids.length * 4);
  const view = new DataView(out.buffer);
  ids.forEach((id, i) => view.setUint32(i * 4, id, true));
  return out;
}

function uint64(value: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value), true);
  return out;
}

/** A finished folder of the same run, or undefined; another run's finished folder is a conflict. */
export function completedShard(dir: string, identity: RunIdentity, shard: ShardPlacement): ShardManifest | undefined {
  const path = join(dir, SHARD_FILES.manifest);
  if (!existsSync(path)) return undefined;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as ShardManifest;
  if (!same({ input: manifest.input, layout: manifest.layout, models: manifest.models }, identity) || manifest.shard.index !== shard.index || manifest.shard.count !== shard.count)
    throw new OutputConflictError({ path: dir, reason: 'holds the finished output of another dataset, layout, model or shard.' });
  return manifest;
}

/**
 * Opens a shard folder for writing: fresh, or resuming from its progress.json (files cut back to the
 * checkpoint, so documents written after it are written again, once). `overwrite` clears another run's files.
 */
export function openShardWriter(options: { dir: string; identity: RunIdentity; shard: ShardPlacement; overwrite: boolean }): ShardWriter {
  const { dir, identity, shard } = options;
  mkdirSync(dir, { recursive: true });
  const paths = { tokens: join(dir, SHARD_FILES.tokens), index: join(dir, SHARD_FILES.index), documents: join(dir, SHARD_FILES.documents), progress: join(dir, SHARD_FILES.progress), manifest: join(dir, SHARD_FILES.manifest) };
  let progress: Progress | undefined = existsSync(paths.progress) ? (JSON.parse(readFileSync(paths.progress, 'utf8')) as Progress) : undefined;
  if (options.overwrite) {
    for (const path of Object.values(paths)) rmSync(path, { force: true });
    progress = undefined;
  } else if (progress !== undefined && (!same(progress.identity, identity) || !same(progress.shard, shard))) {
    throw new OutputConflictError({ path: dir, reason: 'holds an unfinished run of another dataset, layout, model or shard.' });
  } else if (progress === undefined && [paths.tokens, paths.index, paths.documents, paths.manifest].some(existsSync)) {
    throw new OutputConflictError({ path: dir, reason: 'already holds shard files without a checkpoint (not a resumable jointok run).' });
  }
  const fds = { tokens: openSync(paths.tokens, 'a+'), index: openSync(paths.index, 'a+'), documents: openSync(paths.documents, 'a+') };
  let state: Progress = progress ?? { identity, shard, documents: 0, skipped: 0, tokens: 0, documentsBytes: 0, byModality: {} };
  const expected = { tokens: state.tokens * 4, index: (state.documents + 1) * 8, documents: state.documentsBytes };
  for (const key of ['tokens', 'index', 'documents'] as const) {
    const size = fstatSync(fds[key]).size;
    if (progress !== undefined && size < expected[key]) throw new OutputConflictError({ path: paths[key], reason: `is shorter (${size} bytes) than its checkpoint (${expected[key]}); the folder is damaged.` });
    // Cut back what was written after the last checkpoint: those documents are encoded again.
    ftruncateSync(fds[key], progress === undefined ? 0 : expected[key]);
  }
  if (progress === undefined) writeSync(fds.index, uint64(0));
  let tokens = state.tokens;
  let documents = state.documents;
  let skipped = state.skipped;
  let documentsBytes = state.documentsBytes;
  const byModality = { ...state.byModality };
  const checkpoint = () => {
    for (const fd of Object.values(fds)) fsyncSync(fd);
    state = { identity, shard, documents, skipped, tokens, documentsBytes, byModality: sortedCounts(byModality) };
    writeFileAtomicSync(paths.progress, `${JSON.stringify(state)}\n`);
  };
  if (progress === undefined) checkpoint();
  return {
    get next() {
      return shard.first + documents;
    },
    get written() {
      return { documents, tokens };
    },
    append(record) {
      const ids = record.ids ?? new Int32Array(0);
      if (ids.length > 0) writeSync(fds.tokens, bytesOf(ids));
      tokens += ids.length;
      documents++;
      if (record.error !== undefined) skipped++;
      for (const [modality, n] of Object.entries(record.counts ?? {})) byModality[modality] = (byModality[modality] ?? 0) + n;
      writeSync(fds.index, uint64(tokens));
      const line = Buffer.from(`${JSON.stringify(record.error !== undefined ? { id: record.id, tokens: 0, error: record.error } : { id: record.id, tokens: ids.length, modalities: sortedCounts(record.counts ?? {}) })}\n`);
      writeSync(fds.documents, line);
      documentsBytes += line.length;
    },
    checkpoint,
    async finish() {
      checkpoint();
      const manifest: ShardManifest = {
        format: SHARDS_FORMAT,
        version: 1,
        dtype: 'uint32',
        indexDtype: 'uint64',
        byteOrder: 'little',
        ...identity,
        shard: { index: shard.index, count: shard.count, firstDocument: shard.first, documents },
        counts: { documents, skipped, tokens, byModality: sortedCounts(byModality) },
        files: { tokens: await fileEntry(paths.tokens), index: await fileEntry(paths.index), documents: await fileEntry(paths.documents) },
      };
      writeFileAtomicSync(paths.manifest, manifestText(manifest));
      rmSync(paths.progress, { force: true });
      return manifest;
    },
    close() {
      for (const fd of Object.values(fds)) closeSync(fd);
    },
  };
}
