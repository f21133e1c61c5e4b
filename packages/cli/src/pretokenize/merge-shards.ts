import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidSpecError } from 'jointok';
import { InputNotFoundError, OutputConflictError } from '../errors/index.js';
import { fileEntry, writeFileAtomicSync } from './file-digest.js';
import { manifestText, SHARD_FILES, SHARDS_FORMAT, sortedCounts, type ShardManifest } from './shard-manifest.js';

function readManifest(dir: string): ShardManifest {
  const path = join(dir, SHARD_FILES.manifest);
  if (!existsSync(path)) {
    if (existsSync(join(dir, SHARD_FILES.progress))) throw new OutputConflictError({ path: dir, reason: 'is an unfinished shard: run its pretokenize command again to finish it, then merge.' });
    throw new InputNotFoundError({ path, role: 'shard manifest' });
  }
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as ShardManifest;
  if (manifest.format !== SHARDS_FORMAT) throw new InvalidSpecError({ path: `${path}: format`, expected: SHARDS_FORMAT, received: manifest.format });
  return manifest;
}

const identityOf = (m: ShardManifest) => JSON.stringify({ input: m.input, layout: m.layout, models: m.models, count: m.shard.count });

/** Streams a file into the output, checking it against its manifest entry on the way. */
async function copyChecked(path: string, expected: { bytes: number; sha256: string }, write: (chunk: Buffer) => Promise<void>, transform?: (chunk: Buffer) => Buffer): Promise<void> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    await write(transform ? transform(chunk) : chunk);
  }
  if (bytes !== expected.bytes || hash.digest('hex') !== expected.sha256) throw new OutputConflictError({ path, reason: 'does not match the checksum in its manifest (damaged or changed since it was written).' });
}

/**
 * Joins the outputs of `--shard 0/N … N-1/N` into one folder equal, byte for byte, to a single-process run:
 * tokens concatenated, document offsets rebased, documents.jsonl concatenated, counts added, every input
 * file checked against its checksum.
 */
export async function mergeShards(dirs: readonly string[], out: string): Promise<ShardManifest> {
  const manifests = dirs.map((dir) => ({ dir, manifest: readManifest(dir) })).sort((a, b) => a.manifest.shard.index - b.manifest.shard.index);
  const first = manifests[0]!.manifest;
  for (const { dir, manifest } of manifests) {
    if (identityOf(manifest) !== identityOf(first)) throw new OutputConflictError({ path: dir, reason: `is a shard of another run (dataset, layout, models or shard count differ from ${manifests[0]!.dir}).` });
  }
  const indices = manifests.map((m) => m.manifest.shard.index);
  const missing = Array.from({ length: first.shard.count }, (_, i) => i).filter((i) => !indices.includes(i));
  if (missing.length > 0 || indices.length !== first.shard.count)
    throw new InvalidSpecError({ path: 'shards', expected: `each of the ${first.shard.count} shards 0..${first.shard.count - 1} exactly once`, received: `shards ${indices.join(', ')}${missing.length > 0 ? ` (missing ${missing.join(', ')})` : ''}` });
  mkdirSync(out, { recursive: true });
  if (existsSync(join(out, SHARD_FILES.manifest))) throw new OutputConflictError({ path: out, reason: 'already holds a finished output.' });
  const files = { tokens: join(out, SHARD_FILES.tokens), index: join(out, SHARD_FILES.index), documents: join(out, SHARD_FILES.documents) };
  const handles = { tokens: await open(files.tokens, 'w'), index: await open(files.index, 'w'), documents: await open(files.documents, 'w') };
  const put = (key: keyof typeof handles) => async (chunk: Buffer) => void (await handles[key].write(chunk));
  let tokens = 0;
  let documents = 0;
  let skipped = 0;
  const byModality: Record<string, number> = {};
  try {
    await handles.index.write(Buffer.alloc(8));
    for (const { dir, manifest } of manifests) {
      await copyChecked(join(dir, SHARD_FILES.tokens), manifest.files.tokens, put('tokens'));
      // Each shard's offsets start at 0: drop its first entry, shift the rest by the tokens before it.
      const base = BigInt(tokens);
      let skip = 8;
      await copyChecked(join(dir, SHARD_FILES.index), manifest.files.index, put('index'), (chunk) => {
        const from = Math.min(skip, chunk.length);
        skip -= from;
        const body = Buffer.from(chunk.subarray(from));
        for (let i = 0; i + 8 <= body.length; i += 8) body.writeBigUInt64LE(body.readBigUInt64LE(i) + base, i);
        return body;
      });
      await copyChecked(join(dir, SHARD_FILES.documents), manifest.files.documents, put('documents'));
      tokens += manifest.counts.tokens;
      documents += manifest.counts.documents;
      skipped += manifest.counts.skipped;
      for (const [modality, n] of Object.entries(manifest.counts.byModality)) byModality[modality] = (byModality[modality] ?? 0) + n;
    }
  } catch (error) {
    await Promise.all(Object.values(handles).map((h) => h.close()));
    for (const path of Object.values(files)) rmSync(path, { force: true });
    throw error;
  }
  await Promise.all(Object.values(handles).map(async (h) => (await h.sync(), await h.close())));
  const manifest: ShardManifest = {
    format: SHARDS_FORMAT,
    version: 1,
    dtype: 'uint32',
    indexDtype: 'uint64',
    byteOrder: 'little',
    input: first.input,
    layout: first.layout,
    models: first.models,
    shard: { index: 0, count: 1, firstDocument: 0, documents },
    counts: { documents, skipped, tokens, byModality: sortedCounts(byModality) },
    files: { tokens: await fileEntry(files.tokens), index: await fileEntry(files.index), documents: await fileEntry(files.documents) },
  };
  writeFileAtomicSync(join(out, SHARD_FILES.manifest), manifestText(manifest));
  return manifest;
}
