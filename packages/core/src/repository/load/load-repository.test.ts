import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { UnsupportedError } from '../../errors/unsupported-error.js';
import { HubServer } from '../__fixtures__/hub-server.js';
import { bytesOf, manifestFor, sha256 } from '../__fixtures__/repository-fixtures.js';
import { OfflineError } from '../errors/offline-error.js';
import { loadRepository } from './load-repository.js';

const codebook = bytesOf(5000, 2);
const fp16 = bytesOf(900, 3);
let server: HubServer;

beforeEach(async () => {
  server = await new HubServer().start();
  server.files.set(
    '/m/jointok.json',
    new TextEncoder().encode(
      JSON.stringify({
        ...JSON.parse(manifestFor({ 'onnx/enc.onnx': codebook })),
        files: [{ path: 'onnx/enc.onnx', sha256: sha256(codebook), size: codebook.length, role: 'encoder', variants: { fp16: { path: 'half/enc.onnx', sha256: sha256(fp16), size: fp16.length } } }],
      }),
    ),
  );
  server.files.set('/m/onnx/enc.onnx', codebook);
  server.files.set('/m/half/enc.onnx', fp16);
});

afterEach(async () => {
  await server.stop();
});

describe('runtime-neutral loadRepository', () => {
  it('loads over a URL with an injected fetch, no cache, and the manifest variant paths', async () => {
    const seen: string[] = [];
    const repo = await loadRepository(`${server.origin}/m`, {
      fetch: (url, init) => {
        seen.push(url);
        return fetch(url, init);
      },
    });
    expect(await repo.file('onnx/enc.onnx')).toEqual(codebook);
    expect(await repo.file('onnx/enc.onnx', { variant: 'fp16' })).toEqual(fp16);
    expect(repo.fileUrl('onnx/enc.onnx', { variant: 'fp16' })).toBe(`${server.origin}/m/half/enc.onnx`);
    expect(seen).toEqual([`${server.origin}/m/jointok.json`, `${server.origin}/m/onnx/enc.onnx`, `${server.origin}/m/half/enc.onnx`]);
  });

  it('cannot load a local folder (no file system) and cannot be offline without a cache', async () => {
    await expect(loadRepository('./models/tiny')).rejects.toThrow(UnsupportedError);
    await expect(loadRepository(`${server.origin}/m`, { offline: true })).rejects.toSatisfy((e) => OfflineError.isInstance(e));
    expect(server.requests).toHaveLength(0);
  });

  it('checks its options, naming the bad one', async () => {
    await expect(loadRepository(`${server.origin}/m`, { maxBytes: 0 })).rejects.toThrow(InvalidArgumentError);
    await expect(loadRepository(`${server.origin}/m`, { retries: -1 })).rejects.toThrow(/retries/);
    await expect(loadRepository('hf:a/b', { endpoint: 'nope' })).rejects.toThrow(/endpoint/);
  });

  it('cancels the whole load with the load-level signal', async () => {
    const controller = new AbortController();
    const repo = await loadRepository(`${server.origin}/m`, { signal: controller.signal });
    controller.abort();
    await expect(repo.file('onnx/enc.onnx')).rejects.toMatchObject({ name: 'AbortError' });
  });
});
