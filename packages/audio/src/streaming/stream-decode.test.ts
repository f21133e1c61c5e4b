// streamDecode: 'exact' windows give whole-signal audio (to float rounding) for codecs of finite receptive
// field; 'windowed' is Orpheus TTS' streamer (each played group is a 4-group window's second group), whose
// seams differ from whole-signal decoding by the measured amount; bounded memory and typed errors.
import { InvalidArgumentError, type TokenBlock } from '@jointok/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudio } from '../decode/read-audio.node.js';
import { maxDifference, peak, readGolden, report, type CodecName } from '../families/codec/__fixtures__/codec-fixture.js';
import { loadFixture } from '../families/codec/__fixtures__/describe-codec-parity.js';
import { streamCodes, tokenBlockFromStreams } from '../tokenizer/audio-blocks.js';
import type { AudioTokenizer } from '../tokenizer/audio-tokenizer.js';
import { collect, joinAudio, longSignal } from './__fixtures__/long-signal.js';

/** A block split into pieces of `frames` base frames (as generated frames arrive), with their sample counts. */
function pieces(block: TokenBlock<'audio'>, tokenizer: AudioTokenizer, frames: number): TokenBlock<'audio'>[] {
  const streams = streamCodes(block, tokenizer);
  const strides = tokenizer.codeSpace.streams.map((s) => s.stride ?? 1);
  const total = streams[0]!.length * strides[0]!;
  const samples = block.meta.samples as number;
  const out: TokenBlock<'audio'>[] = [];
  for (let from = 0; from < total; from += frames) {
    const to = Math.min(total, from + frames);
    const covered = Math.min(to * tokenizer.hopLength, samples) - from * tokenizer.hopLength;
    out.push(tokenBlockFromStreams(streams.map((s, i) => s.slice(from / strides[i]!, to / strides[i]!)), tokenizer, { samples: covered, startFrame: from }));
  }
  return out;
}

interface Case {
  readonly codec: CodecName;
  readonly seconds: number;
  /** Largest |streamed − whole| accepted (float rounding for exact codecs; measured bound for the others). */
  readonly tolerance: number;
  /** Base frames per arriving piece. */
  readonly piece: number;
}

const cases: Case[] = [
  { codec: 'snac', seconds: 6, tolerance: 1e-5, piece: 12 },
  { codec: 'dac', seconds: 3, tolerance: 1e-5, piece: 8 },
  { codec: 'mimi', seconds: 24, tolerance: 1e-5, piece: 16 },
  { codec: 'encodec', seconds: 6, tolerance: 1e-5, piece: 8 },
];

describe.each(cases)("streamDecode 'exact': $codec", ({ codec, seconds, tolerance, piece }) => {
  let tokenizer: AudioTokenizer;
  let block: TokenBlock<'audio'>;
  let whole: Float32Array;
  beforeAll(async () => {
    tokenizer = await loadFixture(codec, 'jointok');
    block = await tokenizer.encode(longSignal(await readAudio(readGolden(codec).inputPath), seconds));
    whole = (await tokenizer.decode(block)).channels[0]!;
  });
  afterAll(() => tokenizer?.dispose());

  it('equals whole-signal decoding, codes arriving a few frames at a time', async () => {
    const parts = await collect(tokenizer.streamDecode(pieces(block, tokenizer, piece)));
    const streamed = joinAudio(parts);
    const difference = maxDifference(streamed, whole);
    report(`${codec}: streamDecode exact (${seconds} s, ${parts.length} chunks) max |diff| ${difference.toExponential(2)} from decode() (peak ${peak(whole).toFixed(2)})`);
    expect(streamed.length).toBe(whole.length);
    expect(difference).toBeLessThanOrEqual(tolerance);
  });

  it('differs without context', async () => {
    const streamed = joinAudio(await collect(tokenizer.streamDecode(pieces(block, tokenizer, 64), { contextFrames: 0 })));
    expect(maxDifference(streamed, whole)).toBeGreaterThan(1e-3);
  });
});

describe("streamDecode 'exact': WavTokenizer (attention over the whole signal: never exact)", () => {
  it('matches whole-signal decoding only when the context spans the signal; the default context’s difference is reported', async () => {
    await using tokenizer = await loadFixture('wavtokenizer', 'jointok');
    const block = await tokenizer.encode(longSignal(await readAudio(readGolden('wavtokenizer').inputPath), 6));
    const whole = (await tokenizer.decode(block)).channels[0]!;
    const windows = pieces(block, tokenizer, 50);
    const byDefault = maxDifference(joinAudio(await collect(tokenizer.streamDecode(windows))), whole);
    const spanning = maxDifference(joinAudio(await collect(tokenizer.streamDecode(windows, { contextFrames: 450 }))), whole);
    report(`wavtokenizer: streamDecode exact, default context (150 frames) max |diff| ${byDefault.toExponential(2)} (peak ${peak(whole).toFixed(2)}); context spanning the signal ${spanning.toExponential(2)}`);
    expect(spanning).toBeLessThanOrEqual(1e-5);
    expect(byDefault).toBeGreaterThan(spanning);
  });
});

describe("streamDecode 'windowed' (Orpheus TTS' streamer) on SNAC", () => {
  let snac: AudioTokenizer;
  let block: TokenBlock<'audio'>;
  let whole: Float32Array;
  const group = 4 * 512; // 4 base frames: one 7-code Orpheus frame
  beforeAll(async () => {
    snac = await loadFixture('snac', 'jointok');
    block = await snac.encode(longSignal(await readAudio(readGolden('snac').inputPath), 3));
    whole = (await snac.decode({ ...block, meta: {} })).channels[0]!;
  });
  afterAll(() => snac?.dispose());

  it("plays what the reference plays: model.decode(the last 4 frames)[:, :, 2048:4096] per arriving frame ('drop')", async () => {
    const frames = pieces({ ...block, meta: { samples: whole.length } }, snac, 4);
    const played = await collect(snac.streamDecode(frames, { mode: 'windowed', window: { edges: 'drop' } }));
    expect(played).toHaveLength(frames.length - 3);
    for (const [k, chunk] of played.entries()) {
      // The reference: the window of frames k … k+3, decoded alone, its second frame's samples.
      const window = tokenBlockFromStreams(streamCodes(block, snac).map((s, i) => s.slice((4 * k) / [4, 2, 1][i]!, (4 * (k + 4)) / [4, 2, 1][i]!)), snac);
      const reference = (await snac.decode(window)).channels[0]!.subarray(group, 2 * group);
      expect(chunk.channels[0]).toEqual(reference);
    }
  });

  it("keeps the edges by default: as long as whole-signal decoding, the difference at the seams measured", async () => {
    const frames = pieces({ ...block, meta: { samples: whole.length } }, snac, 4);
    let firstAudioAfter = -1;
    let fed = 0;
    async function* arriving() {
      for (const frame of frames) {
        fed++;
        yield frame;
      }
    }
    const parts = [];
    for await (const part of snac.streamDecode(arriving(), { mode: 'windowed' })) {
      if (firstAudioAfter < 0) firstAudioAfter = fed;
      parts.push(part);
    }
    const streamed = joinAudio(parts);
    expect(streamed.length).toBe(whole.length);
    const difference = maxDifference(streamed, whole);
    const exact = joinAudio(await collect(snac.streamDecode(frames)));
    report(`snac: windowed (Orpheus) decode max |diff| ${difference.toExponential(2)} from decode() (peak ${peak(whole).toFixed(2)}); first audio after ${firstAudioAfter} frames (28 codes); exact mode max |diff| ${maxDifference(exact, whole).toExponential(2)}`);
    // The first audio comes with the fourth 7-code frame: 1 group of left and 2 of right context.
    expect(firstAudioAfter).toBe(4);
    expect(difference).toBeGreaterThan(1e-3);
    expect(maxDifference(exact, whole)).toBeLessThanOrEqual(1e-5);
  });

  it('decodes a stream shorter than one window in one go', async () => {
    const frames = pieces({ ...block, meta: { samples: 3 * group } }, snac, 4).slice(0, 3);
    const streamed = joinAudio(await collect(snac.streamDecode(frames, { mode: 'windowed' })));
    const alone = (await snac.decode(tokenBlockFromStreams(streamCodes(block, snac).map((s, i) => s.slice(0, 12 / [4, 2, 1][i]!)), snac))).channels[0]!;
    expect(streamed).toEqual(alone);
  });

  it('streams seeded noise as whole-signal decoding draws it', async () => {
    const frames = pieces({ ...block, meta: { samples: whole.length } }, snac, 8);
    const streamed = joinAudio(await collect(snac.streamDecode(frames, { noise: { seed: 3 } })));
    const seeded = (await snac.decode({ ...block, meta: {} }, { noise: { seed: 3 } })).channels[0]!;
    expect(maxDifference(streamed, seeded)).toBeLessThanOrEqual(1e-5);
    expect(maxDifference(seeded, whole)).toBeGreaterThan(1e-3);
  });

  it('refuses bad settings and blocks with typed errors', async () => {
    const frames = pieces({ ...block, meta: { samples: whole.length } }, snac, 4);
    await expect(collect(snac.streamDecode(frames, { mode: 'fast' as never }))).rejects.toThrow(InvalidArgumentError);
    await expect(collect(snac.streamDecode(frames, { mode: 'windowed', window: { groups: 4, emit: 4 } }))).rejects.toThrow(InvalidArgumentError);
    await expect(collect(snac.streamDecode(frames, { mode: 'windowed', window: { edges: 'trim' as never } }))).rejects.toThrow(InvalidArgumentError);
    await expect(collect(snac.streamDecode([{ ...frames[0]!, meta: { family: 'dac' } }]))).rejects.toThrow(/cannot decode it/);
    await expect(collect(snac.streamDecode([{ ...frames[0]!, codes: frames[0]!.codes.subarray(1) }]))).rejects.toThrow();
    await expect(collect(snac.streamDecode(7 as never))).rejects.toThrow(InvalidArgumentError);
    await using encodec = await loadFixture('encodec', 'jointok');
    // EnCodec's decoder takes 7 frames at least: a 4-frame window cannot be decoded.
    await expect(collect(encodec.streamDecode([], { mode: 'windowed' }))).rejects.toThrow(/at least 7 frames/);
  });
});
