// Per-frame image tokens (the default video tokenizer) on @jointok/image's tiny LlamaGen fixture: a clip of the
// fixture's photos gives PyTorch's codes frame by frame (goldens of tools/fixtures/image/make_llamagen_fixture.py),
// frames stream through, the image/video code space is shared, and joint layouts write and read clips.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createJointVocabulary, createJointokDefaultLayout, DisposedError, emu3Layout, jointokCodeToken, JOINTOK_DEFAULT_MARKERS, lavitLayout, seedLlamaLayout, ShapeMismatchError, type LayoutSpec, type TokenBlock } from '@jointok/core';
import { describeModalityTokenizer } from '@jointok/core/test';
import { loadImageTokenizer, readImage, type ImageTokenizer, type RgbImage } from '@jointok/image';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVideoTokenizer } from '../load-video-tokenizer.node.js';
import { videoPsnr } from '../metrics/video-metrics.js';
import { collect, readFixture } from '../testing/fixtures.js';
import { readY4m, singleChunk } from '../y4m/read-y4m.js';
import { createPerFrameTokenizer, type PerFrameTokenizer } from './create-per-frame-tokenizer.js';
import { clipBlock, frameBlocks } from './frame-blocks.js';

const llamagen = new URL('../../../image/src/families/llamagen/__fixtures__/', import.meta.url);
const modelFolder = fileURLToPath(new URL('llamagen-tiny/', llamagen));
interface GoldenCase {
  name: string;
  input: string;
  preprocessing: string;
  codes: { data: number[] };
  fragile: number[];
  decoded: { file: string };
}
const golden = (JSON.parse(readFileSync(new URL('golden/index.json', llamagen), 'utf8')) as { cases: GoldenCase[] }).cases.filter((c) => c.preprocessing === 'manifest');

let tokenizer: PerFrameTokenizer;
let image: ImageTokenizer;
let photos: RgbImage[];
let clip: RgbImage[];
beforeAll(async () => {
  tokenizer = (await loadVideoTokenizer(modelFolder, { session: { threads: 1 } })) as PerFrameTokenizer;
  image = await loadImageTokenizer(modelFolder, { session: { threads: 1 } });
  photos = await Promise.all(golden.map(async (c) => readImage(new Uint8Array(readFileSync(new URL(c.input, llamagen))))));
  clip = await collect(await readY4m(singleChunk(readFixture('clips/pan-chelsea-420.y4m')), { maxFrames: 6 }));
});
afterAll(async () => {
  await tokenizer?.dispose();
  await image?.dispose();
});

describe('per-frame tokenizer', () => {
  it('is what loadVideoTokenizer gives for an image model', () => {
    expect(tokenizer.temporalCompression).toBe(1);
    expect(tokenizer.codeSpace).toEqual({ axes: ['time', 'height', 'width'], streams: [{ name: 'image', codebookSize: 512 }] });
    expect(tokenizer.imageTokenizer.modality).toBe('image');
  });

  it('gives PyTorch’s codes frame by frame for a clip of the fixture photos', async () => {
    const block = await tokenizer.encode(photos);
    expect(block.shape).toEqual([3, 4, 4]);
    golden.forEach((c, t) => {
      const frame = block.codes.subarray(t * 16, (t + 1) * 16);
      expect([...frame].filter((code, i) => code !== c.codes.data[i] && !c.fragile.includes(i)).length).toBe(0);
    });
    const frames = await tokenizer.decode({ modality: 'video', codes: Int32Array.from(golden.flatMap((c) => c.codes.data)), shape: [3, 4, 4], meta: {} });
    frames.forEach((frame, t) => {
      const expected = new Uint8Array(readFileSync(new URL(golden[t]!.decoded.file, llamagen)));
      expect(Math.max(...frame.data.map((v, i) => Math.abs(v - expected[i]!)))).toBeLessThanOrEqual(1);
    });
  });

  it('streams a Y4M clip and reports progress; its frames decode as the image tokenizer decodes them', async () => {
    const seen: number[] = [];
    const block = await tokenizer.encode(readFixture('clips/pan-chelsea-420.y4m'), { maxFrames: 6, onProgress: ({ frames }) => seen.push(frames) });
    expect(block.shape).toEqual([6, 4, 4]);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    const frames = await tokenizer.decode(block);
    const reference = await Promise.all(clip.map(async (f) => (await image.decode(await image.encode(f)))));
    const scores = await videoPsnr(reference, frames);
    expect(scores.frames.length).toBe(6);
    expect([...scores.frames].every((v) => v === Infinity)).toBe(true);
  });

  it('shares the image code space: a one-frame clip holds the image’s codes', async () => {
    const still = await tokenizer.encode([photos[1]!]);
    const direct = await image.encode(photos[1]!);
    expect(still.shape).toEqual([1, ...direct.shape]);
    expect([...frameBlocks(still)[0]!.codes]).toEqual([...direct.codes]);
    const back = clipBlock([direct]);
    expect(back.shape).toEqual(still.shape);
    expect([...(await tokenizer.decode(back))[0]!.data]).toEqual([...(await image.decode(direct)).data]);
  });

  it('refuses frames whose codes differ in shape, and empty clips', async () => {
    const wide = { ...photos[0]!, width: 64, height: 128, data: new Uint8Array(64 * 128 * 3) } as RgbImage;
    await expect(tokenizer.encode([photos[0]!, wide])).resolves.toMatchObject({ shape: [2, 4, 4] }); // center-crop-arr: one grid
    await expect(tokenizer.encode([])).rejects.toThrow(/at least one frame/);
    await expect(tokenizer.decode({ modality: 'video', codes: new Int32Array(15), shape: [1, 15], meta: {} })).rejects.toThrow(ShapeMismatchError);
    expect(() => clipBlock([{ modality: 'image', codes: new Int32Array(4), shape: [2, 2], meta: {} }, { modality: 'image', codes: new Int32Array(4), shape: [4, 1], meta: {} }])).toThrow(ShapeMismatchError);
  });
});

it('decodeFrames refuses a disposed tokenizer; the image tokenizer it does not own stays open', async () => {
  const borrowed = createPerFrameTokenizer(image, { readVideo: (() => undefined) as never, ownsImageTokenizer: false });
  const block = await borrowed.encode([photos[0]!]);
  await borrowed.dispose();
  await expect(borrowed.decodeFrames(block).next()).rejects.toThrow(DisposedError);
  await expect(image.encode(photos[0]!)).resolves.toMatchObject({ shape: [4, 4] });
});

describe('layouts: clips through core’s joint vocabulary', () => {
  const block = (): TokenBlock<'video'> => ({ modality: 'video', codes: Int32Array.from({ length: 3 * 2 * 2 }, (_, i) => (i * 37) % 512), shape: [3, 2, 2], meta: {} });

  it('Emu3-style frame ends: <|extra_201|> after each frame of rows ending in <|extra_200|>', () => {
    // Emu3 writes every frame as it writes an image (rows closed by eol) and closes each frame with eof.
    const image = emu3Layout.spaces[0]!;
    const layout: LayoutSpec = { ...emu3Layout, name: 'emu3-video', spaces: [{ ...image, name: 'video', modality: 'video', end: ['eoi'], body: { type: 'grid', shape: ['variable', 'h', 'w'], rowEnd: 'eol', frameEnd: 'eof' } }] };
    const tokens = new Map<string, number>([...Array.from({ length: 10 }, (_, d) => [String(d), 15 + d] as [string, number]), ['*', 9], ['<|image start|>', 151852], ['<|image end|>', 151853], ['<|image token|>', 151851], ['<|extra_200|>', 151846], ['<|extra_201|>', 151847], ['<|visual token 000000|>', 151854]]);
    const vocabulary = createJointVocabulary(layout, { tokens });
    const clip = block();
    const { ids } = vocabulary.serialize([clip]);
    const expected = [151852, 17, 9, 17, 151851];
    for (let t = 0; t < 3; t++) {
      for (let r = 0; r < 2; r++) expected.push(151854 + clip.codes[t * 4 + r * 2]!, 151854 + clip.codes[t * 4 + r * 2 + 1]!, 151846);
      expected.push(151847);
    }
    expected.push(151853);
    expect([...ids]).toEqual(expected);
    const parsed = vocabulary.parse(ids).blocks[0]!;
    expect(parsed.shape).toEqual([3, 2, 2]);
    expect([...parsed.codes]).toEqual([...clip.codes]);
  });

  it('the jointok default layout’s video space: <|frame_end|> per frame, the size as {h}*{w}', () => {
    const layout = createJointokDefaultLayout({ imageCodebookSize: 512 });
    const tokens = new Map<string, number>([...Array.from({ length: 10 }, (_, d) => [String(d), 15 + d] as [string, number]), ['*', 9]]);
    JOINTOK_DEFAULT_MARKERS.forEach((m, i) => tokens.set(m, 1000 + i));
    for (const space of ['image', 'audio', 'video'] as const) tokens.set(jointokCodeToken(space, 0), { image: 2000, audio: 3000, video: 4000 }[space]);
    const vocabulary = createJointVocabulary(layout, { tokens });
    const clip = block();
    const { ids } = vocabulary.serialize([clip]);
    expect(ids.filter((id) => id === tokens.get('<|frame_end|>')).length).toBe(3);
    const parsed = vocabulary.parse(ids).blocks[0]!;
    expect(parsed.modality).toBe('video');
    expect(parsed.shape).toEqual([3, 2, 2]);
    expect([...parsed.codes]).toEqual([...clip.codes]);
  });

  it('per-frame blocks (LaVIT, SEED): each frame an image block, read back into the clip', () => {
    const lavit = createJointVocabulary(lavitLayout, { tokens: { '[IMG]': 32000, '[/IMG]': 32001 } });
    const clip = block();
    const frames = frameBlocks(clip).map((f) => ({ ...f, shape: [f.codes.length] }));
    const parsed = lavit.parse(lavit.serialize(frames).ids).blocks.map((b) => ({ ...b, modality: 'image' as const, shape: [2, 2] }));
    expect(parsed.length).toBe(3);
    expect([...clipBlock(parsed).codes]).toEqual([...clip.codes]);
    const seed = createJointVocabulary(seedLlamaLayout, { tokens: { '<img>': 32000, '</img>': 32001, '<img_00000>': 32002 } });
    const seedClip: TokenBlock<'video'> = { modality: 'video', codes: Int32Array.from({ length: 2 * 32 }, (_, i) => (i * 131) % 8192), shape: [2, 32], meta: {} };
    const { ids } = seed.serialize(frameBlocks(seedClip));
    expect(ids.length).toBe(2 * 34);
    expect([...clipBlock(seed.parse(ids).blocks as TokenBlock<'image'>[]).codes]).toEqual([...seedClip.codes]);
  });
});

describeModalityTokenizer('per-frame llamagen tiny', {
  create: () => loadVideoTokenizer(modelFolder),
  inputs: () => [photos, [photos[0]!]],
});
