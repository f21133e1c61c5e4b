// jointok download fetches a model over HTTP into the cache (a local server here: nothing leaves the
// machine), and jointok models lists it.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tinyImageModel } from './run-cli.js';

let server: Server;
let base: string;
const cache = mkdtempSync(join(tmpdir(), 'jointok-cache-'));

beforeAll(async () => {
  server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url!, 'http://x').pathname).replace(/^\/models\/tiny\//, '');
    try {
      const body = readFileSync(join(tinyImageModel, name));
      response.writeHead(200, { 'content-length': body.length }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/models/tiny/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('jointok download and models', () => {
  it('downloads every file, verified, and lists the cached model', async () => {
    const downloaded = await runCli(['download', base, '--json'], { env: { JOINTOK_CACHE: cache } });
    expect(downloaded.stderr).toBe('');
    expect(JSON.parse(downloaded.stdout)).toMatchObject({ modality: 'image', family: 'llamagen', files: 3 });
    const listed = await runCli(['models', '--json'], { env: { JOINTOK_CACHE: cache } });
    const { cached, builtIn } = JSON.parse(listed.stdout);
    expect(cached).toEqual([expect.objectContaining({ source: base, modality: 'image', family: 'llamagen', files: 4 })]);
    expect(builtIn.map((m: { name: string }) => m.name)).toEqual(['o200k_base', 'cl100k_base', 'jointok-image-base', 'mu-law', 'per-frame']);
    // The image model ships inside @jointok/image now: listed as installed, at its folder.
    const image = builtIn.find((m: { name: string }) => m.name === 'jointok-image-base');
    expect(image).toMatchObject({ installed: true });
    expect(image.path).toMatch(/jointok-image-base$/);
  });

  it('a model that is not there: exit 5', async () => {
    const missing = await runCli(['download', `${base.replace('tiny', 'nothing')}`], { env: { JOINTOK_CACHE: cache } });
    expect(missing.code).toBe(5);
    expect(missing.stderr).toMatch(/^error: /);
  });
});
