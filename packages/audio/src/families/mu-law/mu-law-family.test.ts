// The mu-law family: the built-in default of loadAudioTokenizer(), a folder holding only jointok.json, and
// the loading seam (loadTokenizer with audioFamilies, registerTokenizerFamilies).
import { fileURLToPath } from 'node:url';
import { loadTokenizer, registerTokenizerFamilies, UnknownFamilyError } from '@jointok/core';
import { describeModalityTokenizer } from '@jointok/core/test';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, goldenArray, goldens, type GoldenEntry } from '../../__fixtures__/fixtures.js';
import { audioFamilies, loadAudioTokenizer } from '../../load-audio-tokenizer.node.js';
import type { AudioTokenizer } from '../../tokenizer/audio-tokenizer.js';
import { readWav } from '../../wav/read-wav.js';
import { createMuLawTokenizer } from './create-mu-law-tokenizer.js';
import { DEFAULT_AUDIO_MANIFEST } from './mu-law-family.js';

const folder = fileURLToPath(new URL('./__fixtures__/mu-law-24k/', import.meta.url));
const voice = readWav(fixtureBytes('voice-44k.wav'));

describe('mu-law family', () => {
  it('loadAudioTokenizer() without a source: μ-law, 256 levels, 16 kHz, no files', async () => {
    await using tokenizer = await loadAudioTokenizer();
    expect(tokenizer).toMatchObject({ family: 'mu-law', sampleRate: 16000, hopLength: 1, canEncode: true, manifest: DEFAULT_AUDIO_MANIFEST });
    expect(tokenizer.codeSpace.streams).toEqual([{ name: 'mu-law', codebookSize: 256 }]);
    // The same codes as the synchronous tokenizer (whose codes equal torchaudio's, see its tests), from a path.
    const block = await tokenizer.encode(fileURLToPath(new URL('../../__fixtures__/voice-44k.wav', import.meta.url)));
    expect(block.codes).toEqual(createMuLawTokenizer({ sampleRate: 16000 }).encode(voice).codes);
    expect(block.shape).toEqual([1, block.codes.length]);
    expect((await tokenizer.decode(block)).channels[0]!.length).toBe(block.codes.length);
  });

  it('a folder with jointok.json alone: torchaudio’s codes (resample 44.1k → 24k, mu_law_encoding)', async () => {
    await using tokenizer = await loadAudioTokenizer(folder);
    const golden = (goldens()['mu-law'] as Record<string, GoldenEntry>)['resampled-voice-codes']!;
    const block = await tokenizer.encode({ sampleRate: 44100, channels: [voice.channels[0]!.slice(0, 17640)] });
    expect(Array.from(block.codes)).toEqual(Array.from(goldenArray(golden)));
    expect(tokenizer.manifest.files).toEqual([]);
  });

  it('loads through core’s loadTokenizer with audioFamilies, or once registered', async () => {
    await expect(loadTokenizer(folder)).rejects.toThrow(UnknownFamilyError);
    await using viaOption = (await loadTokenizer(folder, { families: audioFamilies })) as AudioTokenizer;
    expect(viaOption.family).toBe('mu-law');
    const unregister = registerTokenizerFamilies(audioFamilies);
    try {
      await using registered = (await loadTokenizer(folder)) as AudioTokenizer;
      expect(registered.sampleRate).toBe(24000);
    } finally {
      unregister();
    }
  });

  it('lists every family of the package', () => {
    expect(audioFamilies.map((f) => f.family)).toEqual(['snac', 'dac', 'encodec', 'mimi', 'wavtokenizer', 'mu-law']);
    expect(audioFamilies.filter((f) => f.configAdapter !== undefined).map((f) => f.configAdapter!.modelTypes[0])).toEqual(['snac', 'dac', 'mimi']);
    expect(audioFamilies.every((f) => f.modality === 'audio' && f.packageName === '@jointok/audio')).toBe(true);
  });
});

describeModalityTokenizer('mu-law (loadAudioTokenizer default)', {
  create: () => loadAudioTokenizer(),
  inputs: () => [voice, readWav(fixtureBytes('stereo-44k.wav'))],
});
