// Chameleon's VQGAN on its tiny fixture (tools/fixtures/image/make_chameleon_fixture.py): PyTorch's codes and
// pixels through the family's recipe, the recipe as data, the codes in core's chameleonLayout with no glue,
// and what the recipe does with awkward inputs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chameleonLayout, CodeOutOfRangeError, createJointTokenizer, createJointVocabulary, JointokError, ShapeMismatchError, type LayoutSpec, type TokenBlock } from '@jointok/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidImageError } from '../../errors/invalid-image-error.js';
import { loadImageTokenizer } from '../../load-image-tokenizer.node.js';
import { readFixture, readJsonFixture } from '../../testing/fixtures.js';
import type { ImageTokenizer } from '../../tokenizer/image-tokenizer.js';
import { describeFamilyGolden } from '../__fixtures__/describe-family-golden.js';
import { chameleonRecipe } from './chameleon-recipe.js';

const fixtures = new URL('./__fixtures__/', import.meta.url);
const folder = fileURLToPath(new URL('chameleon-tiny/', fixtures));
const manifest = JSON.parse(readFileSync(new URL('chameleon-tiny/jointok.json', fixtures), 'utf8')) as Record<string, unknown>;
const golden = JSON.parse(readFileSync(new URL('golden/index.json', fixtures), 'utf8')) as { cases: { name: string; input: string; codes: { data: number[] } }[] };

describeFamilyGolden('chameleon tiny', fixtures, 'chameleon-tiny');

// Chameleon's naming rule (chameleon/inference/vocab.py): IMGIMG + the code's digits as letters A-J + Z.
// Ids are shuffled so that only the names can map them; <eoss> and <racm3:break> as released.
const letters = (code: number) => [...String(code)].map((d) => String.fromCharCode(65 + Number(d))).join('');
const tokens = new Map<string, number>([['<s>', 0], ['<eoss>', 8196], ['<racm3:break>', 8197]]);
Array.from({ length: 8192 }, (_, c) => c)
  .sort((a, b) => ((a * 7919) % 8192) - ((b * 7919) % 8192))
  .forEach((code, i) => tokens.set(`IMGIMG${letters(code)}Z`, 4 + i));

/** chameleonLayout with the tiny model's 8 × 8 grid (128 px) in place of the published 32 × 32 (512 px). */
function layoutWithGrid(size: number): LayoutSpec {
  const [image] = chameleonLayout.spaces;
  return { ...chameleonLayout, spaces: [{ ...image!, body: { type: 'grid', shape: [size, size] } }] };
}

describe('chameleon family', () => {
  let tokenizer: ImageTokenizer;
  beforeAll(async () => {
    tokenizer = await loadImageTokenizer(folder, { session: { threads: 1 } });
  });
  afterAll(() => tokenizer?.dispose());

  it('runs the exported recipe, which is Chameleon recipe data at 128 px', () => {
    const recipe = chameleonRecipe(128);
    expect(manifest.preprocessing).toEqual(recipe.preprocessing);
    expect(manifest.postprocessing).toEqual(recipe.postprocessing);
    expect(tokenizer.preprocessor.needsAlpha).toBe(true);
  });

  it('feeds chameleonLayout without glue: <racm3:break>, the IMGIMG…Z ids of the codes row-major, <eoss>, and back', async () => {
    const photo = golden.cases[0]!;
    const joint = createJointTokenizer({ vocabulary: createJointVocabulary(layoutWithGrid(8), { tokens }), image: tokenizer });
    const { ids, blocks } = await joint.encode([{ type: 'image', image: fileURLToPath(new URL(photo.input, fixtures)) }]);
    expect([...blocks[0]!.codes]).toEqual(photo.codes.data);
    expect([...ids]).toEqual([8197, ...photo.codes.data.map((c) => tokens.get(`IMGIMG${letters(c)}Z`)!), 8196]);
    const parsed = joint.vocabulary.parse(ids);
    expect([...parsed.blocks[0]!.codes]).toEqual(photo.codes.data);
    expect(parsed.blocks[0]!.shape).toEqual([8, 8]);
    const { parts } = await joint.decode(ids);
    const direct = await tokenizer.decode(blocks[0] as TokenBlock<'image'>);
    expect(parts[0]).toMatchObject({ type: 'image' });
    expect((parts[0] as { image: { data: Uint8Array } }).image.data).toEqual(direct.data);
  });

  it('the published layout (32 × 32) refuses the tiny model\'s 8 × 8 blocks with a typed error', async () => {
    const joint = createJointTokenizer({ vocabulary: createJointVocabulary(chameleonLayout, { tokens }), image: tokenizer });
    const error = await joint.encode([{ type: 'image', image: fileURLToPath(new URL(golden.cases[0]!.input, fixtures)) }]).catch((e: unknown) => e);
    expect(JointokError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(ShapeMismatchError);
  });

  it('takes a 16-bit RGBA PNG smaller than a 16-px patch: Pillow\'s 8-bit RGBA, blended over white, upscaled to 128', async () => {
    // rgba16.png is 13 × 9; decoded.json holds Pillow's convert('RGBA') of it.
    const pillow = readJsonFixture<{ files: Record<string, { width: number; height: number; rgba: { offset: number; length: number } }> }>('codecs/__fixtures__/decoded.json').files['rgba16.png']!;
    const rgba = readFixture('codecs/__fixtures__/decoded.u8').slice(pillow.rgba.offset, pillow.rgba.offset + pillow.rgba.length);
    const fromFile = await tokenizer.encode(readFixture('codecs/__fixtures__/files/rgba16.png'));
    const fromPillow = await tokenizer.encode({ width: pillow.width, height: pillow.height, channels: 4, data: rgba });
    expect(fromFile.shape).toEqual([8, 8]);
    expect([...fromFile.codes]).toEqual([...fromPillow.codes]);
    expect(fromFile.meta).toMatchObject({ width: 13, height: 9 });
    // The white background matters: the same pixels with alpha dropped give other codes.
    const rgb = Uint8Array.from({ length: pillow.width * pillow.height * 3 }, (_, i) => rgba[Math.floor(i / 3) * 4 + (i % 3)]!);
    const dropped = await tokenizer.encode({ width: pillow.width, height: pillow.height, channels: 3, data: rgb });
    expect([...dropped.codes]).not.toEqual([...fromFile.codes]);
  });

  it('refuses what it cannot do with typed errors', async () => {
    const photo = golden.cases[0]!;
    const block = { modality: 'image' as const, codes: Int32Array.from(photo.codes.data), shape: [8, 8], meta: {} };
    await expect(tokenizer.decode({ ...block, codes: block.codes.subarray(0, 24), shape: [4, 6] })).rejects.toThrow(ShapeMismatchError);
    await expect(tokenizer.decode({ ...block, codes: block.codes.map((c, i) => (i === 5 ? 8192 : c)) })).rejects.toThrow(CodeOutOfRangeError);
    await expect(tokenizer.encode(readFixture('__fixtures__/photos/astronaut-160x128.png').subarray(0, 300))).rejects.toThrow(InvalidImageError);
  });
});
