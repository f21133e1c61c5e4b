// The shipped default, packages/image/models/jointok-image-base: what `loadImageTokenizer()` loads with no
// argument, checked against PyTorch on the sample photos (goldens by tools/train/image/make_family_goldens.py
// from the training checkpoint), and against its own model card.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadImageTokenizer } from '../../load-image-tokenizer.node.js';
import { describeFamilyGolden } from '../__fixtures__/describe-family-golden.js';

const fixtures = new URL('./__fixtures__/', import.meta.url);
const modelFolder = new URL('../../../models/jointok-image-base/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('golden/index.json', fixtures), 'utf8')) as { model: string; checkpointSha256: string };
const manifest = JSON.parse(readFileSync(new URL('jointok.json', modelFolder), 'utf8')) as {
  family: string;
  files: { path: string; size: number }[];
  source: { checkpointSha256: string };
  codeSpace: { streams: { codebookSize: number }[] };
  config: { downsample: number };
};

describeFamilyGolden('jointok-image-base', fixtures, index.model);

describe('jointok-image-base, the built-in default', () => {
  it('is what loadImageTokenizer() loads without a source', async () => {
    await using tokenizer = await loadImageTokenizer(undefined, { session: { threads: 1 } });
    expect(tokenizer.codeSpace.streams[0]!.codebookSize).toBe(1000);
    const photo = new Uint8Array(readFileSync(new URL('../../__fixtures__/photos/astronaut-160x128.png', import.meta.url)));
    const block = await tokenizer.encode(photo);
    // 8x downsampling: a 160x128 photo is a 16 x 20 grid.
    expect(block.shape).toEqual([16, 20]);
    expect(block.codes.length).toBe(320);
  });

  it('was exported from the checkpoint the goldens were made from', () => {
    expect(manifest.family).toBe('jointok-fsq');
    expect(manifest.source.checkpointSha256).toBe(index.checkpointSha256);
  });

  it('fits the 10 MB budget of the package and its files have the sizes the manifest states', () => {
    const total = manifest.files.reduce((sum, file) => {
      expect(statSync(fileURLToPath(new URL(file.path, modelFolder))).size).toBe(file.size);
      return sum + file.size;
    }, 0);
    expect(total).toBeLessThanOrEqual(10 * 1024 * 1024);
  });

  it('reports the evaluation its model card shows, and meets the targets', () => {
    const evaluation = JSON.parse(readFileSync(new URL('evaluation.json', modelFolder), 'utf8')) as {
      checkpointSha256: string;
      codebookUsage: number;
      mean: { psnr: number };
    };
    expect(evaluation.checkpointSha256).toBe(manifest.source.checkpointSha256);
    expect(manifest.config.downsample).toBe(8);
    expect(evaluation.codebookUsage).toBeGreaterThanOrEqual(0.9);
    expect(evaluation.mean.psnr).toBeGreaterThanOrEqual(22);
    const card = readFileSync(new URL('README.md', modelFolder), 'utf8');
    expect(card).toContain(evaluation.mean.psnr.toFixed(2));
    expect(card).toContain(`${(evaluation.codebookUsage * 100).toFixed(1)} %`);
  });
});
