// The cosmos-dv family on its tiny fixtures (tools/fixtures/video/make_cosmos_dv_fixture.py): codes of a real
// clip equal PyTorch's (Cosmos' windows of 17, edge padding in time, zero padding in space), decoded frames
// within ±1 of PyTorch's, an image as a one-frame clip, long clips streamed window by window, typed errors.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CodeOutOfRangeError, loadTokenizer, ShapeMismatchError, UnknownFamilyError, type TokenBlock } from '@jointok/core';
import { describeModalityTokenizer } from '@jointok/core/test';
import { crop, type RgbImage } from '@jointok/image';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVideoTokenizer, videoFamilies } from '../../load-video-tokenizer.node.js';
import { collect, readFixture } from '../../testing/fixtures.js';
import type { VideoTokenizer } from '../../tokenizer/video-tokenizer.js';
import { readY4m, singleChunk } from '../../y4m/read-y4m.js';

const fixtures = new URL('./__fixtures__/', import.meta.url);
const folder = (name: string) => fileURLToPath(new URL(`${name}/`, fixtures));
const bytes = (file: string) => new Uint8Array(readFileSync(new URL(file, fixtures)));

interface Golden {
  crop: { top: number; left: number; height: number; width: number };
  frames: number;
  codes: { shape: number[]; data: number[] };
  fragile: number[];
  windows: { frames: number; padFront: number; padBack: number; latentFrames: number }[];
  decoded: { file: string; shape: number[] };
  still: { codes: { shape: number[]; data: number[] }; fragile: number[]; decoded: { file: string; shape: number[] } };
}
const names = ['cosmos-dv-tiny-8x16x16', 'cosmos-dv-tiny-4x8x8'] as const;
const golden = (name: string) => JSON.parse(readFileSync(new URL(`golden/${name}.json`, fixtures), 'utf8')) as Golden;

let clip: RgbImage[];
beforeAll(async () => {
  const g = golden(names[0]);
  const frames = await collect(await readY4m(singleChunk(readFixture('clips/pan-chelsea-420.y4m'))));
  clip = frames.map((f) => crop(f, { left: g.crop.left, top: g.crop.top, width: g.crop.width, height: g.crop.height }));
});

function maxDifference(frames: readonly RgbImage[], expected: Uint8Array): number {
  let worst = 0;
  let at = 0;
  for (const frame of frames) for (const v of frame.data) worst = Math.max(worst, Math.abs(v - expected[at++]!));
  expect(at).toBe(expected.length);
  return worst;
}

describe.each(names)('%s', (name) => {
  let tokenizer: VideoTokenizer;
  const g = golden(name);
  beforeAll(async () => {
    tokenizer = await loadVideoTokenizer(folder(name), { session: { threads: 1 } });
  });
  afterAll(async () => {
    await tokenizer?.dispose();
  });

  it('encodes the real clip to PyTorch’s codes (near-ties aside), windows of 17 frames', async () => {
    const block = await tokenizer.encode(clip);
    expect(block.shape).toEqual(g.codes.shape);
    expect(block.meta.windows).toEqual(g.windows);
    const mismatched = [...block.codes].filter((c, i) => c !== g.codes.data[i] && !g.fragile.includes(i)).length;
    expect(mismatched).toBe(0);
    expect(g.fragile.length / g.codes.data.length).toBeLessThanOrEqual(0.01);
  });

  it('decodes PyTorch’s codes to its frames within ±1, cropped in time and space', async () => {
    const block: TokenBlock<'video'> = { modality: 'video', codes: Int32Array.from(g.codes.data), shape: g.codes.shape, meta: { windows: g.windows, frameMeta: (await tokenizer.encode(clip.slice(0, 1))).meta.frameMeta } };
    const frames = await tokenizer.decode(block);
    expect(frames.length).toBe(g.frames);
    expect([frames[0]!.height, frames[0]!.width]).toEqual([g.crop.height, g.crop.width]);
    expect(maxDifference(frames, bytes(g.decoded.file))).toBeLessThanOrEqual(1);
  });

  it('takes an image as a one-frame clip (the causal first chunk)', async () => {
    const block = await tokenizer.encode([clip[0]!]);
    expect(block.shape).toEqual(g.still.codes.shape);
    expect([...block.codes].filter((c, i) => c !== g.still.codes.data[i] && !g.still.fragile.includes(i)).length).toBe(0);
    const [frame] = await tokenizer.decode(block);
    expect(maxDifference([frame!], bytes(g.still.decoded.file))).toBeLessThanOrEqual(1);
  });

  it('decodes blocks parsed from ids (no meta) by full windows', async () => {
    const frames = await tokenizer.decode({ modality: 'video', codes: Int32Array.from(g.codes.data), shape: g.codes.shape, meta: {} });
    // 17 frames of the first window, then 1 + (latent − 1)·T of the rest, uncropped (48 x 32 padded frames).
    const rest = g.codes.shape[0]! - g.windows[0]!.latentFrames;
    expect(frames.length).toBe(17 + 1 + (rest - 1) * tokenizer.temporalCompression);
    expect([frames[0]!.width, frames[0]!.height]).toEqual([48, 32]);
  });

  it('refuses bad blocks with typed errors', async () => {
    await expect(tokenizer.decode({ modality: 'video', codes: Int32Array.from(g.codes.data, (c, i) => (i === 2 ? 64000 : c)), shape: g.codes.shape, meta: {} })).rejects.toThrow(CodeOutOfRangeError);
    await expect(tokenizer.decode({ modality: 'video', codes: new Int32Array(5), shape: [5], meta: {} })).rejects.toThrow(ShapeMismatchError);
    await expect(tokenizer.decode({ modality: 'video', codes: Int32Array.from(g.codes.data), shape: g.codes.shape, meta: { windows: [{ frames: 17, padFront: 0, padBack: 0, latentFrames: 1 }] } })).rejects.toThrow(/meta.windows/);
    await expect(tokenizer.encode([])).rejects.toThrow(/at least one frame/);
    await expect(tokenizer.encode([clip[0]!, crop(clip[1]!, { left: 0, top: 0, width: 32, height: 30 })])).rejects.toThrow(ShapeMismatchError);
  });
});

it('streams a long clip window by window: the same codes as its windows encoded on their own', async () => {
  const tokenizer = await loadVideoTokenizer(folder(names[1]), { session: { threads: 1 } });
  try {
    // 40 frames (the clip there and back): windows 17, 17, 6.
    const long = [...clip, ...[...clip].reverse()];
    let windows = 0;
    const block = await tokenizer.encode((async function* () {
      yield* long;
    })(), { onProgress: () => windows++ });
    expect(windows).toBe(3);
    expect(block.meta.windows).toEqual([17, 17, 6].map((frames) => expect.objectContaining({ frames })));
    const second = await tokenizer.encode(long.slice(17, 34));
    const perFrame = block.shape[1]! * block.shape[2]!;
    const offset = (block.meta.windows as { latentFrames: number }[])[0]!.latentFrames * perFrame;
    expect([...block.codes.subarray(offset, offset + second.codes.length)]).toEqual([...second.codes]);
    expect((await tokenizer.decode(block)).length).toBe(40);
  } finally {
    await tokenizer.dispose();
  }
});

it('plugs into core’s loadTokenizer through videoFamilies, and core names this package when they are missing', async () => {
  const tokenizer = await loadTokenizer(folder(names[0]), { families: videoFamilies, modality: 'video' });
  expect(tokenizer.modality).toBe('video');
  expect(tokenizer.codeSpace.streams[0]!.codebookSize).toBe(64000);
  await tokenizer.dispose();
  const error = await loadTokenizer(folder(names[0])).catch((e: unknown) => e);
  expect(UnknownFamilyError.isInstance(error)).toBe(true);
  expect(String((error as Error).message)).toMatch(/@jointok\/video/);
});

describeModalityTokenizer('cosmos-dv tiny', {
  create: () => loadVideoTokenizer(folder(names[0])),
  inputs: () => [clip.slice(0, 3), clip.slice(0, 1)],
});
