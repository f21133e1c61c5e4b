import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { UnsupportedError } from '../../errors/unsupported-error.js';
import { bytesOf, DAC_CONFIG, JANUS_CONFIG, manifestFor, MIMI_CONFIG, SNAC_CONFIG, TEST_CONFIG_ADAPTERS } from '../__fixtures__/repository-fixtures.js';
import { DownloadError } from '../errors/download-error.js';
import { IntegrityError } from '../errors/integrity-error.js';
import { RepositoryNotFoundError } from '../errors/repository-not-found-error.js';
import { SizeLimitError } from '../errors/size-limit-error.js';
import { UnsafePathError } from '../errors/unsafe-path-error.js';
import { loadRepository } from './load-repository.js';

let base: string;
let folder: string;
const weights = bytesOf(4000, 5);

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'jointok-local-'));
  folder = join(base, 'model');
  await mkdir(join(folder, 'onnx'), { recursive: true });
  await writeFile(join(base, 'secret.txt'), 'outside the repository');
  await writeFile(join(folder, 'onnx', 'model.onnx'), weights);
  await writeFile(join(folder, 'jointok.json'), manifestFor({ 'onnx/model.onnx': weights }));
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => undefined, (error: unknown) => error);
}

describe('loadRepository from a local folder', () => {
  it('loads and verifies files, and gives file: URLs', async () => {
    const repo = await loadRepository(folder, { cache: false });
    expect(repo.source.kind).toBe('local');
    expect(await repo.file('onnx/model.onnx')).toEqual(weights);
    expect(repo.fileUrl('onnx/model.onnx')).toBe(pathToFileURL(join(folder, 'onnx', 'model.onnx')).href);
    const viaUrl = await loadRepository(pathToFileURL(folder).href);
    expect(await viaUrl.file('onnx/model.onnx')).toEqual(weights);
  });

  it('throws RepositoryNotFoundError for a missing folder or a folder without manifest or config', async () => {
    expect(RepositoryNotFoundError.isInstance(await failure(loadRepository(join(base, 'nope'))))).toBe(true);
    await mkdir(join(base, 'empty'));
    expect(RepositoryNotFoundError.isInstance(await failure(loadRepository(join(base, 'empty'))))).toBe(true);
  });

  it('throws IntegrityError when a file does not match its sha256', async () => {
    const changed = weights.slice();
    changed[0] = changed[0]! ^ 1;
    await writeFile(join(folder, 'onnx', 'model.onnx'), changed);
    const error = await failure((await loadRepository(folder)).file('onnx/model.onnx'));
    expect(IntegrityError.isInstance(error) && error.file).toBe('onnx/model.onnx');
  });

  it('refuses a manifest whose files leave the folder', async () => {
    for (const path of ['../secret.txt', '/etc/passwd', 'onnx/../../secret.txt']) {
      await writeFile(join(folder, 'jointok.json'), manifestFor({ [path]: weights }));
      const error = await failure(loadRepository(folder));
      expect(InvalidSpecError.isInstance(error) && error.path, path).toBe('files[0].path');
    }
  });

  it('refuses file paths that leave the folder', async () => {
    const repo = await loadRepository(folder);
    for (const path of ['../secret.txt', '/etc/passwd', 'onnx\\..\\..\\secret.txt']) {
      expect(UnsafePathError.isInstance(await failure(repo.file(path))), path).toBe(true);
      expect(() => repo.fileUrl(path)).toThrow(UnsafePathError);
    }
  });

  it('refuses a symbolic link that leads outside the folder, and follows one that stays inside', async () => {
    await symlink(join(base, 'secret.txt'), join(folder, 'leak.txt'));
    await symlink(join(folder, 'onnx', 'model.onnx'), join(folder, 'alias.onnx'));
    const repo = await loadRepository(folder);
    const error = await failure(repo.file('leak.txt'));
    expect(UnsafePathError.isInstance(error) && error.reason).toMatch(/symbolic link/);
    expect(await repo.file('alias.onnx')).toEqual(weights);
  });

  it('refuses a manifest that is itself a link to outside the folder', async () => {
    await writeFile(join(base, 'evil.json'), manifestFor({ 'onnx/model.onnx': weights }));
    await rm(join(folder, 'jointok.json'));
    await symlink(join(base, 'evil.json'), join(folder, 'jointok.json'));
    expect(UnsafePathError.isInstance(await failure(loadRepository(folder)))).toBe(true);
  });

  it('reports a missing file as DownloadError 404 and a large one as SizeLimitError', async () => {
    const repo = await loadRepository(folder, { maxBytes: 1000 });
    expect((await failure(repo.file('missing.bin')) as DownloadError).status).toBe(404);
    expect(SizeLimitError.isInstance(await failure(repo.file('onnx/model.onnx')))).toBe(true);
  });

  it('stops at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await failure(loadRepository(folder, { signal: controller.signal })) as Error).name).toBe('AbortError');
  });
});

describe('onnx-community folders load without conversion (synthetic folders of that shape)', () => {
  async function exportFolder(name: string, config: unknown, files: readonly string[]): Promise<string> {
    const root = join(base, name);
    await mkdir(join(root, 'onnx'), { recursive: true });
    await writeFile(join(root, 'config.json'), JSON.stringify(config));
    for (const [index, file] of files.entries()) await writeFile(join(root, file), bytesOf(100 + index, index + 1));
    return root;
  }

  it.each([
    ['snac_24khz-ONNX', SNAC_CONFIG, 'snac', 'audio', 'onnx/encoder_model.onnx'],
    ['dac_44khz-ONNX', DAC_CONFIG, 'dac', 'audio', 'onnx/encoder_model.onnx'],
    ['mimi-ONNX', MIMI_CONFIG, 'mimi', 'audio', 'onnx/decoder_model.onnx'],
    ['Janus-Pro-1B-ONNX', JANUS_CONFIG, 'janus', 'image', 'onnx/image_decode.onnx'],
  ] as const)('%s', async (name, config, family, modality, main) => {
    const variant = main.replace('.onnx', '_q4f16.onnx');
    const root = await exportFolder(name, config, [main, variant]);
    const repo = await loadRepository(root, { variant: 'q4f16', configAdapters: TEST_CONFIG_ADAPTERS });
    expect(repo.format).toBe('onnx-community');
    expect(repo.manifest).toMatchObject({ family, modality });
    expect(repo.manifest.files.some((f) => f.path === main)).toBe(true);
    expect(await repo.file(main, { variant: 'fp32' })).toEqual(bytesOf(100, 1));
    expect(await repo.file(main)).toEqual(bytesOf(101, 2));
    expect(await repo.json('config.json')).toEqual(config);
  });

  it('needs the adapter of the family that runs the folder: core reads no config.json by itself', async () => {
    const root = await exportFolder('snac_24khz-ONNX', SNAC_CONFIG, ['onnx/encoder_model.onnx']);
    const error = await failure(loadRepository(root));
    expect(UnsupportedError.isInstance(error) && error.feature).toMatch(/model_type "snac"/);
    expect((error as Error).message).toMatch(/@jointok\/audio/);
    const other = await failure(loadRepository(root, { configAdapters: TEST_CONFIG_ADAPTERS.slice(1) }));
    expect(UnsupportedError.isInstance(other) && other.supported).toEqual(['dac', 'mimi', 'multi_modality']);
  });
});
