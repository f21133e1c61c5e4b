// The parity suite every codec family runs on its committed fixture: PyTorch's codes from the WAV file
// (both layouts), PyTorch's decoded audio, the ModalityTokenizer contract, and typed errors for bad input.
import { readFileSync } from 'node:fs';
import { CodeOutOfRangeError, InvalidArgumentError, NonFiniteValueError, ShapeMismatchError, type TokenBlock } from '@jointok/core';
import { describeModalityTokenizer } from '@jointok/core/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../__fixtures__/fixtures.js';
import { loadAudioTokenizer } from '../../../load-audio-tokenizer.node.js';
import { readWav } from '../../../wav/read-wav.js';
import { streamCodes, tokenBlockFromStreams } from '../../../tokenizer/audio-blocks.js';
import type { AudioTokenizer } from '../../../tokenizer/audio-tokenizer.js';
import { codeMismatches, fixtureFolder, hasCommunityLayout, maxDifference, peak, readGolden, report, type CodecName } from './codec-fixture.js';

/** Settings of {@link describeCodecParity}. */
export interface CodecParityOptions {
  /** Largest |decoded − PyTorch's decoded| accepted, per sample (the README states it). */
  readonly decodedTolerance: number;
}

/** Loads a fixture layout with one intra-op thread (the machine is shared). */
export function loadFixture(codec: CodecName, layout: 'jointok' | 'onnx-community'): Promise<AudioTokenizer> {
  return loadAudioTokenizer(fixtureFolder(codec, layout), { session: { threads: 1 } });
}

/** Registers the parity tests of one codec family. */
export function describeCodecParity(codec: CodecName, options: CodecParityOptions): void {
  const golden = readGolden(codec);
  const layouts = hasCommunityLayout(codec) ? (['jointok', 'onnx-community'] as const) : (['jointok'] as const);
  const tokenizers = new Map<string, AudioTokenizer>();
  const blocks = new Map<string, TokenBlock<'audio'>>();

  describe(`${codec}: parity with PyTorch on the committed fixture`, () => {
    beforeAll(async () => {
      for (const layout of layouts) {
        const tokenizer = await loadFixture(codec, layout);
        tokenizers.set(layout, tokenizer);
        blocks.set(layout, await tokenizer.encode(golden.inputPath));
      }
    });
    afterAll(async () => {
      for (const tokenizer of tokenizers.values()) await tokenizer.dispose();
    });

    it.each(layouts)('%s layout: the reference codes from the WAV file', (layout) => {
      const block = blocks.get(layout)!;
      const tokenizer = tokenizers.get(layout)!;
      const { mismatches, total } = codeMismatches(streamCodes(block, tokenizer), golden.codes);
      report(`${codec} ${layout}: codes ${mismatches}/${total} mismatches`);
      expect(mismatches / total).toBeLessThanOrEqual(0.001);
      expect(streamCodes(block, tokenizer).map((s) => s.length)).toEqual(golden.codes.map((row) => row.length));
      expect(block.meta).toMatchObject({ family: codec, sampleRate: tokenizer.sampleRate, samples: golden.inputSamples });
      expect(block.streams ?? [tokenizer.codeSpace.streams[0]!.name]).toEqual(tokenizer.codeSpace.streams.map((s) => s.name));
    });

    it('the same codes from the file bytes and from decoded audio', async () => {
      const tokenizer = tokenizers.get('jointok')!;
      const bytes = new Uint8Array(readFileSync(golden.inputPath));
      expect((await tokenizer.encode(bytes)).codes).toEqual(blocks.get('jointok')!.codes);
      expect((await tokenizer.encode(readWav(bytes))).codes).toEqual(blocks.get('jointok')!.codes);
    });

    if (layouts.length === 2) {
      it('both layouts give the same block', () => {
        const [a, b] = [blocks.get('jointok')!, blocks.get('onnx-community')!];
        expect(b.shape).toEqual(a.shape);
        expect(b.streams).toEqual(a.streams);
        expect(b.codes).toEqual(a.codes);
      });
    }

    it.each(layouts)('%s layout: decoded audio within the stated tolerance of PyTorch’s', async (layout) => {
      const tokenizer = tokenizers.get(layout)!;
      const block = tokenBlockFromStreams(golden.codes, tokenizer);
      const full = (await tokenizer.decode(block)).channels[0]!;
      const difference = maxDifference(full, golden.decoded);
      report(`${codec} ${layout}: decoded max |diff| ${difference.toExponential(2)} (peak ${peak(golden.decoded).toFixed(2)}, ${full.length} samples)`);
      expect(difference).toBeLessThanOrEqual(options.decodedTolerance);
      const trimmed = await tokenizer.decode({ ...block, meta: { samples: golden.inputSamples } });
      expect(trimmed).toMatchObject({ sampleRate: tokenizer.sampleRate });
      expect(trimmed.channels[0]).toEqual(full.subarray(0, golden.inputSamples));
    });

    it('refuses bad blocks and bad audio with typed errors', async () => {
      const tokenizer = tokenizers.get('jointok')!;
      const block = blocks.get('jointok')!;
      const codebookSize = tokenizer.codeSpace.streams[0]!.codebookSize;
      const outOfRange = block.codes.slice();
      outOfRange[3] = codebookSize;
      await expect(tokenizer.decode({ ...block, codes: outOfRange })).rejects.toThrow(CodeOutOfRangeError);
      const negative = block.codes.slice();
      negative[0] = -1;
      await expect(tokenizer.decode({ ...block, codes: negative })).rejects.toThrow(CodeOutOfRangeError);
      // Wrong shapes: one code short, an extra codebook row, another axis count.
      await expect(tokenizer.decode({ ...block, codes: block.codes.subarray(1) })).rejects.toThrow(ShapeMismatchError);
      const streams = tokenizer.codeSpace.streams.length;
      const frames = block.codes.length / streams;
      await expect(tokenizer.decode({ ...block, codes: new Int32Array((streams + 1) * frames), shape: [streams + 1, frames] })).rejects.toThrow(ShapeMismatchError);
      await expect(tokenizer.decode({ ...block, shape: [1, 1, block.codes.length] })).rejects.toThrow(ShapeMismatchError);
      // A block another codec made (same shape here, so only its meta tells), and not audio at all.
      await expect(tokenizer.decode({ ...block, meta: { ...block.meta, family: codec === 'dac' ? 'snac' : 'dac' } })).rejects.toThrow(/cannot decode it/);
      await expect(tokenizer.decode({ ...block, meta: { sampleRate: 8000 } })).rejects.toThrow(InvalidArgumentError);
      await expect(tokenizer.decode({ ...block, modality: 'image' as 'audio' })).rejects.toThrow(InvalidArgumentError);
      // Audio: NaN, absurd rates, nothing.
      const samples = new Float32Array(24000).fill(0.1);
      samples[100] = Number.NaN;
      await expect(tokenizer.encode({ sampleRate: 24000, channels: [samples] })).rejects.toThrow(NonFiniteValueError);
      for (const sampleRate of [0, -1, 44100.5, 1e9, Number.POSITIVE_INFINITY]) {
        await expect(tokenizer.encode({ sampleRate, channels: [new Float32Array(24000)] })).rejects.toThrow(InvalidArgumentError);
      }
      await expect(tokenizer.encode({ sampleRate: 24000, channels: [] })).rejects.toThrow(InvalidArgumentError);
      await expect(tokenizer.encode({ sampleRate: 24000, channels: [new Float32Array(0)] })).rejects.toThrow(InvalidArgumentError);
      await expect(tokenizer.encode(fixtureBytes('voice-44k.wav').subarray(0, 30))).rejects.toThrow(/WAV|audio/i);
    });
  });

  // Inputs: the golden recording (a path) and a stereo file at another rate (mixed and resampled first).
  describeModalityTokenizer(`${codec} (jointok layout)`, {
    create: () => loadFixture(codec, 'jointok'),
    inputs: () => [golden.inputPath, readWav(fixtureBytes('stereo-44k.wav'))],
  });
}
