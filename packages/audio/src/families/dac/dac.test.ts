// The dac family on its tiny fixture (tools/fixtures/audio/make_dac_fixture.py): PyTorch's codes and audio,
// the input path of the reference (julius resampling), and the onnx-community config adapter.
import { readFileSync } from 'node:fs';
import { InvalidSpecError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../__fixtures__/fixtures.js';
import { resample } from '../../dsp/resample/resample.js';
import { readWav } from '../../wav/read-wav.js';
import { describeCodecParity, loadFixture } from '../codec/__fixtures__/describe-codec-parity.js';
import { dacManifest } from './dac-config-adapter.js';

describeCodecParity('dac', { decodedTolerance: 2e-5 });

describe('dac: input path', () => {
  it('resamples other rates with julius, as audiotools’ AudioSignal.resample does', async () => {
    await using dac = await loadFixture('dac', 'jointok');
    const voice = readWav(fixtureBytes('speech-22k.wav'));
    const viaJulius = resample(voice, 44100, { method: 'julius' });
    expect((await dac.encode(voice)).codes).toEqual((await dac.encode(viaJulius)).codes);
    expect((await dac.encode(voice)).meta.samples).toBe(viaJulius.channels[0]!.length);
  });
});

describe('dac: onnx-community config.json → manifest', () => {
  const published44k = { model_type: 'dac', sampling_rate: 44100, hop_length: 512, codebook_size: 1024, codebook_dim: 8, n_codebooks: 9, downsampling_ratios: [2, 4, 8, 8] };

  it('44 kHz: 9 codebooks of 1024, hop 512, padding to the hop', () => {
    const manifest = dacManifest(published44k);
    expect(manifest).toMatchObject({ family: 'dac', preprocessing: { sampleRate: 44100, padding: { multiple: 512 } }, postprocessing: { samplesPerFrame: 512 } });
    expect(manifest.codeSpace!.streams).toHaveLength(9);
    expect(manifest.codeSpace!.streams.every((s) => s.codebookSize === 1024)).toBe(true);
    expect(manifest.codeSpace!.frameRate).toBe(44100 / 512);
    const { hop_length: _, ...withoutHop } = { ...published44k, downsampling_ratios: [2, 4, 5, 8] };
    expect(dacManifest(withoutHop).postprocessing).toMatchObject({ samplesPerFrame: 320 });
  });

  it('the fixture folder’s config gives the jointok export’s code space and padding', () => {
    const config = JSON.parse(readFileSync(new URL('./__fixtures__/onnx-community/config.json', import.meta.url), 'utf8'));
    const exported = JSON.parse(readFileSync(new URL('./__fixtures__/jointok/jointok.json', import.meta.url), 'utf8'));
    expect(dacManifest(config).codeSpace).toEqual(exported.codeSpace);
    expect(dacManifest(config).preprocessing).toEqual(exported.preprocessing);
  });

  it.each([
    [{ ...published44k, n_codebooks: 0 }, 'config.json n_codebooks'],
    [{ ...published44k, codebook_size: 1.5 }, 'config.json codebook_size'],
  ])('names the bad config field (%#)', (config, path) => {
    expect(() => dacManifest(config)).toThrow(InvalidSpecError);
    expect(() => dacManifest(config)).toThrow(path);
  });
});
