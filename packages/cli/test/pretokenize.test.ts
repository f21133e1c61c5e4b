// jointok pretokenize / merge: the shards hold each document's ids, --shard i/N is deterministic, the
// merged shards equal a single-process run byte for byte, and a run killed mid-way resumes without
// duplicating or losing documents.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getEncoding } from 'jointok';
import { repoRoot, runCli, startCli, tinyImageModel } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jointok-pretok-'));
const dataset = join(dir, 'dataset');
const manifest = join(dataset, 'mixed.jsonl');
const files = ['tokens.bin', 'index.bin', 'documents.jsonl', 'manifest.json'];
const models = ['--image-model', tinyImageModel];

const read = (out: string) => Object.fromEntries(files.map((f) => [f, readFileSync(join(out, f))]));

function documentIds(out: string, i: number): number[] {
  const index = readFileSync(join(out, 'index.bin'));
  const tokens = readFileSync(join(out, 'tokens.bin'));
  const start = Number(index.readBigUInt64LE(i * 8));
  const end = Number(index.readBigUInt64LE(i * 8 + 8));
  return [...new Uint32Array(tokens.buffer, tokens.byteOffset + start * 4, end - start)];
}

describe('jointok pretokenize', () => {
  const single = join(dir, 'single');
  beforeAll(async () => {
    execFileSync(process.execPath, [`${repoRoot}bench/pretokenize/make-dataset.mjs`, dataset, '--documents', '24'], { cwd: repoRoot });
    const result = await runCli(['pretokenize', manifest, '--out', single, '--workers', '2', ...models]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('writes every document: ids in tokens.bin at the offsets of index.bin, one line each in documents.jsonl', async () => {
    const lines = readFileSync(join(single, 'documents.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const meta = JSON.parse(readFileSync(join(single, 'manifest.json'), 'utf8'));
    expect(lines.length).toBe(24);
    expect(meta.counts.documents).toBe(24);
    expect(readFileSync(join(single, 'index.bin')).length).toBe(25 * 8);
    expect(readFileSync(join(single, 'tokens.bin')).length).toBe(meta.counts.tokens * 4);
    expect(Object.keys(meta.counts.byModality)).toEqual(['audio', 'image', 'text']);
    // Document 0 is a text file: its ids are o200k's of that text.
    const o200k = await getEncoding('o200k_base');
    expect(lines[0].id).toBe('doc-00000');
    expect(documentIds(single, 0)).toEqual(o200k.encode(readFileSync(join(dataset, 'files', 'doc-00000.txt'), 'utf8')));
    // Document 3 mixes text, an image and a sound.
    expect(Object.keys(lines[3].modalities)).toEqual(['audio', 'image', 'text']);
  });

  it('gives the same shard whatever the worker count (0, 1, 2), and merged shards equal the single run byte for byte', async () => {
    const shards = [0, 1, 2].map((i) => join(dir, `shard-${i}`));
    const results = await Promise.all(shards.map((out, i) => runCli(['pretokenize', manifest, '--out', out, '--shard', `${i}/3`, '--workers', i === 1 ? '1' : '0', ...models])));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    const again = join(dir, 'shard-1-again');
    expect((await runCli(['pretokenize', manifest, '--out', again, '--shard', '1/3', '--workers', '2', ...models])).code).toBe(0);
    expect(read(again)).toEqual(read(shards[1]!));
    expect(JSON.parse(readFileSync(join(shards[1]!, 'manifest.json'), 'utf8')).shard).toEqual({ index: 1, count: 3, firstDocument: 8, documents: 8 });

    const merged = join(dir, 'merged');
    const merge = await runCli(['merge', shards[2]!, shards[0]!, shards[1]!, '--out', merged]);
    expect(merge.code).toBe(0);
    expect(read(merged)).toEqual(read(single));

    const incomplete = await runCli(['merge', shards[0]!, shards[2]!, '--out', join(dir, 'merged-2')]);
    expect(incomplete.code).toBe(4);
    expect(incomplete.stderr).toContain('missing 1');
  });

  it('resumes a run killed mid-way without duplicating or losing documents', async () => {
    const out = join(dir, 'killed');
    const child = startCli(['pretokenize', manifest, '--out', out, '--workers', '1', '--checkpoint-seconds', '0', ...models]);
    // Kill it hard once some documents are checkpointed, before it finishes.
    const progress = join(out, 'progress.json');
    let written = 0;
    while (written < 3) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (existsSync(progress)) written = JSON.parse(readFileSync(progress, 'utf8').trim() || '{"documents":0}').documents;
    }
    child.kill('SIGKILL');
    await child.result;
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    const killedAt = JSON.parse(readFileSync(progress, 'utf8')).documents;
    expect(killedAt).toBeGreaterThanOrEqual(3);
    expect(killedAt).toBeLessThan(24);

    const resumed = await runCli(['pretokenize', manifest, '--out', out, '--workers', '0', ...models]);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/resuming after \d+ of 24 documents/);
    expect(read(out)).toEqual(read(single));
    expect(existsSync(progress)).toBe(false);
  });

  it('refuses to mix runs in one folder, and fails on a bad document unless told to skip it', async () => {
    const conflict = await runCli(['pretokenize', manifest, '--out', single, '--audio-model', 'mu-law@8000', ...models]);
    expect(conflict.code).toBe(6);
    expect(conflict.stderr).toContain('holds the finished output of another dataset, layout, model or shard');

    const broken = join(dir, 'broken.jsonl');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(broken, [JSON.stringify({ id: 'ok', content: [{ type: 'text', text: 'fine' }] }), JSON.stringify({ id: 'bad', content: [{ type: 'image', path: 'dataset/mixed.jsonl' }] })].join('\n'));
    const failed = await runCli(['pretokenize', broken, '--out', join(dir, 'broken-out'), '--workers', '0', ...models]);
    expect(failed.code).toBe(4);
    const skipped = await runCli(['pretokenize', broken, '--out', join(dir, 'skipped-out'), '--workers', '0', '--on-error', 'skip', '--json', ...models]);
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.stdout).counts).toMatchObject({ documents: 2, skipped: 1 });
  });
});
