import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubServer } from '../__fixtures__/hub-server.js';
import { bytesOf, sha256 } from '../__fixtures__/repository-fixtures.js';

const run = promisify(execFile);
let server: HubServer;
let dir: string;
let script: string;

beforeAll(async () => {
  server = await new HubServer().start();
  dir = await mkdtemp(join(tmpdir(), 'jointok-procs-'));
  script = join(dir, 'child.mjs');
  // The child runs the real cache code, bundled from source (esbuild is what tsup builds with).
  await build({ entryPoints: [fileURLToPath(new URL('../__fixtures__/fetch-in-child.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: script, logLevel: 'silent' });
});

afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('Node file cache across processes', () => {
  it('two processes fetching the same file download it once and both get verified bytes', async () => {
    const body = bytesOf(200_000, 11);
    const path = server.put('o/n', 'main', 'big.bin', body);
    server.behaviours.set(path, { chunkDelayMs: 1 });
    const cacheDir = join(dir, 'cache');
    const args = [script, cacheDir, `${server.origin}${path}`, 'hub/test/o/n/main/big.bin', sha256(body), String(body.length)];
    const [a, b] = await Promise.all([run(process.execPath, args), run(process.execPath, args)]);
    expect([a.stdout, b.stdout]).toEqual([String(body.length), String(body.length)]);
    expect(server.downloads(path)).toHaveLength(1);
    expect((await readdir(join(cacheDir, 'tmp'))).filter((name) => !name.endsWith('.tmp'))).toEqual([]);
  });
});
