// The snac family on its tiny fixture (tools/fixtures/audio/make_snac_fixture.py): PyTorch's codes and audio,
// the noise its decoder draws (make_snac_noise_golden.py), and the onnx-community config adapter.
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, InvalidSpecError, ShapeMismatchError } from '@jointok/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenBlockFromStreams } from '../../tokenizer/audio-blocks.js';
import type { AudioTokenizer } from '../../tokenizer/audio-tokenizer.js';
import { seededGaussian, type NoiseRequest } from '../../tokenizer/noise.js';
import { maxDifference, peak, report } from '../codec/__fixtures__/codec-fixture.js';
import { describeCodecParity, loadFixture } from '../codec/__fixtures__/describe-codec-parity.js';
import { snacManifest } from './snac-config-adapter.js';

describeCodecParity('snac', { decodedTolerance: 2e-5 });

const noiseFolder = new URL('./__fixtures__/noise/', import.meta.url);
const noiseGolden = JSON.parse(readFileSync(new URL('noise.json', noiseFolder), 'utf8')) as { seed: number; frames: number; codes: number[][]; noise: { path: string }[]; decoded: { path: string } };
const f32 = (path: string) => {
  const bytes = readFileSync(new URL(path, noiseFolder));
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};

describe('snac: decoder noise', () => {
  let snac: AudioTokenizer;
  const block = () => tokenBlockFromStreams(noiseGolden.codes.map((row) => Int32Array.from(row)), snac);
  beforeAll(async () => {
    snac = await loadFixture('snac', 'jointok');
  });
  afterAll(() => snac?.dispose());

  it('reproduces the reference when given the noise torch drew (torch.manual_seed, then one randn per block)', async () => {
    const requests: NoiseRequest[] = [];
    const fromTorch = (request: NoiseRequest) => {
      requests.push(request);
      return f32(noiseGolden.noise[request.index]!.path);
    };
    const audio = (await snac.decode(block(), { noise: fromTorch })).channels[0]!;
    const reference = f32(noiseGolden.decoded.path);
    const difference = maxDifference(audio, reference);
    const zeros = (await snac.decode(block())).channels[0]!;
    report(`snac: decoded with torch's noise (seed ${noiseGolden.seed}) max |diff| ${difference.toExponential(2)}; zero noise differs by ${maxDifference(zeros, reference).toFixed(3)} (peak ${peak(reference).toFixed(2)})`);
    expect(difference).toBeLessThanOrEqual(2e-5);
    // The noise matters: without it the audio is far from the reference's draw.
    expect(maxDifference(zeros, reference)).toBeGreaterThan(1e-2);
    expect(requests.map((r) => [r.name, r.index, r.start, r.length])).toEqual([
      ['noise.0', 0, 0, 16 * 8],
      ['noise.1', 1, 0, 16 * 64],
      ['noise.2', 2, 0, 16 * 256],
      ['noise.3', 3, 0, 16 * 512],
    ]);
  });

  it('seeded noise: reproducible, different per seed, a pure function of the absolute position', async () => {
    const a = (await snac.decode(block(), { noise: { seed: 1 } })).channels[0]!;
    expect((await snac.decode(block(), { noise: { seed: 1 } })).channels[0]).toEqual(a);
    expect(maxDifference((await snac.decode(block(), { noise: { seed: 2 } })).channels[0]!, a)).toBeGreaterThan(1e-3);
    // A later window of the same seeded stream is the same samples as that part of a longer draw.
    expect(seededGaussian(1, 2, 1000, 24)).toEqual(seededGaussian(1, 2, 990, 40).subarray(10, 34));
    const long = seededGaussian(5, 0, 0, 100_000);
    const mean = long.reduce((s, v) => s + v, 0) / long.length;
    const variance = long.reduce((s, v) => s + (v - mean) ** 2, 0) / long.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });

  it('takes its default noise from familyOptions, and refuses bad noise options', async () => {
    const seeded = await loadFixture('snac', 'jointok').then(async (t) => {
      await t.dispose();
      const { loadAudioTokenizer } = await import('../../load-audio-tokenizer.node.js');
      return loadAudioTokenizer(new URL('./__fixtures__/jointok/', import.meta.url).pathname, { session: { threads: 1 }, familyOptions: { noise: { seed: 1 } } });
    });
    try {
      expect((await seeded.decode(block())).channels[0]).toEqual((await snac.decode(block(), { noise: { seed: 1 } })).channels[0]);
    } finally {
      await seeded.dispose();
    }
    await expect(snac.decode(block(), { noise: 'gaussian' as never })).rejects.toThrow(InvalidArgumentError);
    await expect(snac.decode(block(), { noise: () => new Float32Array(3) })).rejects.toThrow(ShapeMismatchError);
  });
});

describe('snac: onnx-community config.json → manifest', () => {
  const published24k = { model_type: 'snac', sampling_rate: 24000, encoder_dim: 48, encoder_rates: [2, 4, 8, 8], decoder_dim: 1024, decoder_rates: [8, 8, 4, 2], attn_window_size: null, codebook_size: 4096, codebook_dim: 8, vq_strides: [4, 2, 1] };

  it('24 kHz: 3 codebooks of 4096 at strides 4, 2, 1; hop 512; padding to 2048', () => {
    const manifest = snacManifest(published24k);
    expect(manifest).toMatchObject({ modality: 'audio', family: 'snac', preprocessing: { sampleRate: 24000, channels: 1, padding: { multiple: 2048 } }, postprocessing: { samplesPerFrame: 512 } });
    expect(manifest.codeSpace).toEqual({
      axes: ['tokens'],
      streams: [{ name: 'codebook0', codebookSize: 4096, stride: 4 }, { name: 'codebook1', codebookSize: 4096, stride: 2 }, { name: 'codebook2', codebookSize: 4096, stride: 1 }],
      frameRate: 24000 / 512,
    });
    expect(manifest.files.map((f) => [f.path, f.role])).toEqual([['onnx/encoder_model.onnx', 'encoder'], ['onnx/decoder_model.onnx', 'decoder']]);
  });

  it('32 kHz (local attention): padding to hop · lcm(vq_strides[0], attn_window_size)', () => {
    const manifest = snacManifest({ ...published24k, sampling_rate: 32000, encoder_rates: [2, 3, 8, 8], vq_strides: [8, 4, 2, 1], attn_window_size: 32 });
    expect(manifest.preprocessing).toMatchObject({ padding: { multiple: 384 * 32 } });
    expect(manifest.codeSpace!.streams.map((s) => s.stride)).toEqual([8, 4, 2, 1]);
  });

  it('the fixture folder’s config gives the jointok export’s code space and padding', () => {
    const config = JSON.parse(readFileSync(new URL('./__fixtures__/onnx-community/config.json', import.meta.url), 'utf8'));
    const exported = JSON.parse(readFileSync(new URL('./__fixtures__/jointok/jointok.json', import.meta.url), 'utf8'));
    const manifest = snacManifest(config);
    expect(manifest.codeSpace).toEqual(exported.codeSpace);
    expect(manifest.preprocessing).toEqual(exported.preprocessing);
  });

  it.each([
    [{ ...published24k, vq_strides: [] }, 'config.json vq_strides'],
    [{ ...published24k, sampling_rate: '24k' }, 'config.json sampling_rate'],
    [{ ...published24k, attn_window_size: 0 }, 'config.json attn_window_size'],
  ])('names the bad config field (%#)', (config, path) => {
    expect(() => snacManifest(config)).toThrow(InvalidSpecError);
    expect(() => snacManifest(config)).toThrow(path);
  });
});
