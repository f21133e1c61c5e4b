// The plug-in seam end to end: a family written outside core (a test-only package importing core's
// built public API) loads a model folder through loadTokenizer, by explicit option and by registration;
// unregistered families, wrong modalities and broken quantizer files give typed errors.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidSpecError } from '../src/errors/invalid-spec-error.js';
import { InvalidWeightsFileError } from '../src/errors/invalid-weights-file-error.js';
import { ModalityMismatchError } from '../src/errors/modality-mismatch-error.js';
import { UnknownFamilyError } from '../src/errors/unknown-family-error.js';
import { registerTokenizerFamilies } from '../src/loading/family-registry.js';
import { createQuantizerFromRepository, loadTokenizer } from '../src/loading/node.js';
import type { TokenizerFamily } from '../src/loading/tokenizer-family.js';
import { loadRepository } from '../src/repository/node/load-repository.js';
import type { Tensor } from '../src/tensor/tensor.js';
import { createSeededRandom } from '../src/testing/seeded-random.js';
import { writeSafetensors } from '../src/weights/write-safetensors.js';
import { fixturePath, type ExpectedFixtures } from '../src/runtime/__fixtures__/fixtures.js';
import expectedJson from '../src/runtime/__fixtures__/expected.json' with { type: 'json' };
// @ts-expect-error the test-only package is plain JavaScript without declarations
import { toyFamily as untypedToyFamily } from './__fixtures__/toy-family/index.js';

const toyFamily = untypedToyFamily as TokenizerFamily;
const expected = expectedJson as unknown as ExpectedFixtures;
const root = mkdtempSync(join(tmpdir(), 'jointok-load-tokenizer-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const random = createSeededRandom(11);
const codebook = Float32Array.from({ length: 6 * 3 }, () => random() * 2 - 1);

/** Writes a model folder with a jointok.json listing every file with its sha256. */
function modelFolder(name: string, manifest: Record<string, unknown>, files: Record<string, Uint8Array | string>): string {
  const folder = join(root, name);
  const entries = Object.entries(files).map(([path, content]) => {
    const bytes = typeof content === 'string' ? undefined : content;
    if (typeof content === 'string') copyFileSync(content, join(folder, path));
    else writeFileSync(join(folder, path), content);
    const data = bytes ?? new Uint8Array(readFileSync(join(folder, path)));
    return { path, sha256: createHash('sha256').update(data).digest('hex'), size: data.length, role: path.startsWith('encoder') ? 'encoder' : 'quantizer' };
  });
  writeFileSync(join(folder, 'jointok.json'), JSON.stringify({ manifestVersion: 1, files: entries, ...manifest }));
  return folder;
}

const quantizerFile = writeSafetensors({ codebook: { type: 'float32', dims: [6, 3], data: codebook } });
const toyManifest = {
  modality: 'image',
  family: 'toy-mlp-vq',
  quantizer: { type: 'vq', codebookSize: 6, dim: 3 },
  codeSpace: { axes: ['tokens'], sizes: [5], streams: [{ name: 'image', codebookSize: 6 }] },
};
const folderOf = (name: string, manifest: Record<string, unknown>, files: Record<string, Uint8Array | string>) => {
  mkdirSync(join(root, name), { recursive: true });
  return modelFolder(name, manifest, files);
};
const toyFolder = folderOf('toy', toyManifest, { 'encoder.onnx': fixturePath('tiny-mlp.onnx'), 'quantizer.safetensors': quantizerFile });

const mlp = expected.models['tiny-mlp']!;
const x: Tensor<'float32'> = { type: 'float32', dims: mlp.inputs.x!.dims, data: Float32Array.from(mlp.inputs.x!.data) };
/** The nearest codebook row of each of torch's MLP outputs, by a plain float64 loop. */
const expectedCodes = (() => {
  const y = mlp.outputs.y!.data;
  return Array.from({ length: 5 }, (_, i) => {
    let best = 0;
    let bestDistance = Infinity;
    for (let k = 0; k < 6; k++) {
      let d = 0;
      for (let c = 0; c < 3; c++) d += (y[i * 3 + c]! - codebook[k * 3 + c]!) ** 2;
      if (d < bestDistance) [best, bestDistance] = [k, d];
    }
    return best;
  });
})();

describe('loadTokenizer with a family from outside core', () => {
  it('loads a folder with the family passed as an option, encodes, decodes and disposes', async () => {
    const tokenizer = await loadTokenizer(toyFolder, { families: [toyFamily], familyOptions: { tag: 'explicit' }, session: { threads: 1 } });
    expect(tokenizer.modality).toBe('image');
    const block = await tokenizer.encode(x);
    expect([...block.codes]).toEqual(expectedCodes);
    expect(block.shape).toEqual([5]);
    expect(block.meta).toEqual({ loadedWith: 'explicit' });
    const latents = (await tokenizer.decode(block)) as Tensor<'float32'>;
    expect(Array.from(latents.data.subarray(0, 3))).toEqual(Array.from(codebook.subarray(expectedCodes[0]! * 3, expectedCodes[0]! * 3 + 3)));
    await tokenizer.dispose();
    await expect((async () => tokenizer.encode(x))()).rejects.toThrowError(/disposed/);
  });

  it('finds a registered family, and forgets it once unregistered', async () => {
    const unregister = registerTokenizerFamilies([toyFamily]);
    try {
      await using tokenizer = await loadTokenizer(toyFolder);
      expect([...(await tokenizer.encode(x)).codes]).toEqual(expectedCodes);
    } finally {
      unregister();
    }
    await expect(loadTokenizer(toyFolder)).rejects.toSatisfy((e: unknown) => UnknownFamilyError.isInstance(e) && e.family === 'toy-mlp-vq');
  });

  it('names an unknown family, the known ones and the package to install', async () => {
    const folder = folderOf('unknown', { ...toyManifest, family: 'llamagen' }, { 'quantizer.safetensors': quantizerFile });
    const error = await loadTokenizer(folder, { families: [toyFamily] }).catch((e: unknown) => e);
    expect(UnknownFamilyError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ family: 'llamagen', modality: 'image', known: ['toy-mlp-vq'], packageName: '@jointok/image' });
    expect((error as Error).message).toMatch(/No tokenizer family "llamagen" for image is available\. Known: toy-mlp-vq\. image families come from @jointok\/image/);
  });

  it('refuses a repository of another modality than asked for', async () => {
    const error = await loadTokenizer(toyFolder, { families: [toyFamily], modality: 'audio' }).catch((e: unknown) => e);
    expect(ModalityMismatchError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ expected: 'audio', received: 'image' });
  });

  it('takes an already loaded repository and refuses what is not one', async () => {
    const repository = await loadRepository(toyFolder);
    await using tokenizer = await loadTokenizer(repository, { families: [toyFamily] });
    expect(tokenizer.codeSpace.streams[0]!.codebookSize).toBe(6);
    await expect(loadTokenizer({} as never, { families: [toyFamily] })).rejects.toThrowError(/Invalid source/);
    await expect(loadTokenizer(toyFolder, { families: [{ family: 'x' } as never] })).rejects.toThrowError(/options\.families\[0\]/);
  });

  it('rejects with the signal reason when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(loadTokenizer(toyFolder, { families: [toyFamily], signal: controller.signal })).rejects.toThrowError('stop');
  });
});

describe('createQuantizerFromRepository', () => {
  it('builds the manifest quantizer with its safetensors weights', async () => {
    const quantizer = await createQuantizerFromRepository(await loadRepository(toyFolder));
    const codes = quantizer.encode({ type: 'float32', dims: [5, 3], data: Float32Array.from(mlp.outputs.y!.data) });
    expect(Array.from(codes.data as Int32Array)).toEqual(expectedCodes);
  });

  it('names a missing quantizer spec and a non-float weight', async () => {
    const { quantizer: _, ...noQuantizer } = toyManifest;
    const bare = folderOf('bare', noQuantizer, { 'quantizer.safetensors': quantizerFile });
    await expect(createQuantizerFromRepository(await loadRepository(bare))).rejects.toSatisfy((e: unknown) => InvalidSpecError.isInstance(e) && e.path === 'quantizer');
    const intWeights = writeSafetensors({ codebook: { type: 'int32', dims: [6, 3], data: new Int32Array(18) } });
    const ints = folderOf('ints', toyManifest, { 'quantizer.safetensors': intWeights });
    await expect(createQuantizerFromRepository(await loadRepository(ints))).rejects.toSatisfy(
      (e: unknown) => InvalidWeightsFileError.isInstance(e) && e.tensor === 'codebook' && /floating point, not int32/.test(e.message),
    );
  });
});
