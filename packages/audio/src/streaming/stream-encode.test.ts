// streamEncode: windows with context give whole-signal codes (identical for codecs of finite receptive field:
// SNAC, DAC, Mimi, μ-law; measured for EnCodec and WavTokenizer, whose LSTMs carry state), bounded memory,
// and typed errors.
import { DisposedError, InvalidArgumentError, NonFiniteValueError, type TokenBlock } from '@jointok/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes } from '../__fixtures__/fixtures.js';
import { readAudio } from '../decode/read-audio.node.js';
import { codeMismatches, readGolden, report, type CodecName } from '../families/codec/__fixtures__/codec-fixture.js';
import { loadFixture } from '../families/codec/__fixtures__/describe-codec-parity.js';
import { loadAudioTokenizer } from '../load-audio-tokenizer.node.js';
import type { AudioSignal } from '../signal/audio-signal.js';
import { concatAudioBlocks, streamCodes } from '../tokenizer/audio-blocks.js';
import type { AudioTokenizer } from '../tokenizer/audio-tokenizer.js';
import { readWav } from '../wav/read-wav.js';
import { chunksOf, collect, longSignal } from './__fixtures__/long-signal.js';

interface Case {
  readonly codec: CodecName;
  readonly seconds: number;
  readonly blockFrames: number;
  /** Codes must be identical (finite receptive field) or only within 0.1 % (recurrent state). */
  readonly exact: boolean;
}

// Mimi's window must see past its context (133 frames, 10.6 s, for the fixture's one transformer layer).
const cases: Case[] = [
  { codec: 'snac', seconds: 8, blockFrames: 96, exact: true },
  { codec: 'dac', seconds: 4, blockFrames: 100, exact: true },
  { codec: 'mimi', seconds: 24, blockFrames: 64, exact: true },
  { codec: 'encodec', seconds: 8, blockFrames: 150, exact: false },
  { codec: 'wavtokenizer', seconds: 8, blockFrames: 150, exact: false },
];

describe.each(cases)('streamEncode: $codec', ({ codec, seconds, blockFrames, exact }) => {
  let tokenizer: AudioTokenizer;
  let audio: AudioSignal;
  let whole: TokenBlock<'audio'>;
  beforeAll(async () => {
    tokenizer = await loadFixture(codec, 'jointok');
    audio = longSignal(await readAudio(readGolden(codec).inputPath), seconds);
    whole = await tokenizer.encode(audio);
  });
  afterAll(() => tokenizer?.dispose());

  it(`gives the whole-signal codes (${exact ? 'identical' : 'within 0.1 %'}) in blocks of ${blockFrames} frames`, async () => {
    // Chunks that do not line up with frames (4410 samples), as a decoder or a microphone delivers them.
    const blocks = await collect(tokenizer.streamEncode(chunksOf(audio, 4410), { blockFrames }));
    const joined = concatAudioBlocks(blocks, tokenizer);
    const { mismatches, total } = codeMismatches(streamCodes(joined, tokenizer), streamCodes(whole, tokenizer));
    report(`${codec}: streamEncode (${seconds} s, ${blocks.length} blocks of ${blockFrames} frames, default context) ${mismatches}/${total} codes differ from encode()`);
    if (exact) expect(joined.codes).toEqual(whole.codes);
    else expect(mismatches / total).toBeLessThanOrEqual(0.001);
    expect(joined.shape).toEqual(whole.shape);
    expect(joined.meta.samples).toBe(audio.channels[0]!.length);
    expect(blocks.map((b) => b.meta.startFrame)).toEqual(blocks.map((_, i) => i * blockFrames));
    expect(blocks.slice(0, -1).every((b) => streamCodes(b, tokenizer)[0]!.length * (tokenizer.codeSpace.streams[0]!.stride ?? 1) === blockFrames)).toBe(true);
  });

  it('differs at the seams without context (the context is what makes them match)', async () => {
    const blocks = await collect(tokenizer.streamEncode(chunksOf(audio, 4410), { blockFrames, contextFrames: 0 }));
    const { mismatches, total } = codeMismatches(streamCodes(concatAudioBlocks(blocks, tokenizer), tokenizer), streamCodes(whole, tokenizer));
    report(`${codec}: streamEncode without context: ${mismatches}/${total} codes differ`);
    expect(mismatches).toBeGreaterThan(0);
  });
});

describe('streamEncode: input path and memory', () => {
  it('mixes and resamples chunks as encode does (44.1 kHz stereo in, SNAC 24 kHz)', async () => {
    await using snac = await loadFixture('snac', 'jointok');
    const stereo = readWav(fixtureBytes('stereo-44k.wav'));
    const blocks = await collect(snac.streamEncode(chunksOf(stereo, 1000), { blockFrames: 16, contextFrames: 16 }));
    expect(concatAudioBlocks(blocks, snac).codes).toEqual((await snac.encode(stereo)).codes);
  });

  it('holds one window, however long the stream: ten minutes of μ-law audio pulled lazily', async () => {
    await using muLaw = await loadAudioTokenizer();
    const rate = 16000;
    const chunk = rate; // one second per chunk
    let pulled = 0;
    async function* tenMinutes(): AsyncGenerator<AudioSignal> {
      const samples = new Float32Array(chunk);
      for (let second = 0; second < 600; second++) {
        for (let i = 0; i < chunk; i++) samples[i] = 0.5 * Math.sin((2 * Math.PI * 220 * (second * chunk + i)) / rate);
        pulled += chunk;
        yield { sampleRate: rate, channels: [samples] };
      }
    }
    const blockFrames = 60 * rate; // one minute per block
    let blocks = 0;
    let codes = 0;
    for await (const block of muLaw.streamEncode(tenMinutes(), { blockFrames })) {
      // The source is never more than one chunk ahead of the window the block came from.
      expect(pulled - ((block.meta.startFrame as number) + blockFrames)).toBeLessThanOrEqual(chunk);
      blocks++;
      codes += block.codes.length;
    }
    expect(blocks).toBe(10);
    expect(codes).toBe(600 * rate);
  });

  it('refuses bad chunks and streams with typed errors', async () => {
    const snac = await loadFixture('snac', 'jointok');
    const ok = { sampleRate: 24000, channels: [new Float32Array(4800).fill(0.1)] };
    const nan = { sampleRate: 24000, channels: [Float32Array.from({ length: 4800 }, (_, i) => (i === 9 ? Number.NaN : 0))] };
    await expect(collect(snac.streamEncode([ok, { ...ok, sampleRate: 16000 }]))).rejects.toThrow(InvalidArgumentError);
    await expect(collect(snac.streamEncode([ok, { sampleRate: 24000, channels: [ok.channels[0]!, ok.channels[0]!] }]))).rejects.toThrow(InvalidArgumentError);
    await expect(collect(snac.streamEncode([ok, nan]))).rejects.toThrow(NonFiniteValueError);
    await expect(collect(snac.streamEncode([{ ...ok, sampleRate: 1e9 }]))).rejects.toThrow(InvalidArgumentError);
    await expect(collect(snac.streamEncode([]))).rejects.toThrow(InvalidArgumentError);
    await expect(collect(snac.streamEncode(42 as never))).rejects.toThrow(InvalidArgumentError);
    await expect(collect(snac.streamEncode([ok], { blockFrames: 0 }))).rejects.toThrow(InvalidArgumentError);
    await expect(collect(snac.streamEncode([ok], { contextFrames: -4 }))).rejects.toThrow(InvalidArgumentError);
    const controller = new AbortController();
    controller.abort();
    await expect(collect(snac.streamEncode([ok], { signal: controller.signal }))).rejects.toThrow();
    await snac.dispose();
    await expect(collect(snac.streamEncode([ok]))).rejects.toSatisfy((e: unknown) => DisposedError.isInstance(e));
  });
});
