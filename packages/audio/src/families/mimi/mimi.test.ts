// The mimi family on its tiny fixture (tools/fixtures/audio/make_mimi_fixture.py): PyTorch's codes and audio,
// and the onnx-community config adapter.
import { readFileSync } from 'node:fs';
import { InvalidSpecError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { describeCodecParity } from '../codec/__fixtures__/describe-codec-parity.js';
import { mimiManifest } from './mimi-config-adapter.js';
import { mimiContextFrames } from './mimi-family.js';

describeCodecParity('mimi', { decodedTolerance: 2e-5 });

describe('mimi: onnx-community config.json → manifest', () => {
  const published = { model_type: 'mimi', sampling_rate: 24000, frame_rate: 12.5, audio_channels: 1, codebook_size: 2048, num_quantizers: 32, num_semantic_quantizers: 1, upsampling_ratios: [8, 6, 5, 4], num_hidden_layers: 8, sliding_window: 250 };

  it('32 codebooks of 2048, the first semantic, 12.5 frames per second, padding to a frame', () => {
    const manifest = mimiManifest(published);
    expect(manifest).toMatchObject({ family: 'mimi', preprocessing: { sampleRate: 24000, padding: { multiple: 1920 } }, codeSpace: { frameRate: 12.5 } });
    const names = manifest.codeSpace!.streams.map((s) => s.name);
    expect(names).toHaveLength(32);
    expect(names.slice(0, 3)).toEqual(['semantic0', 'acoustic0', 'acoustic1']);
    // 8 layers attending 250 steps back at 25 Hz: 8 × 125 code frames, plus the convolutions' reach.
    expect(mimiContextFrames(manifest)).toBe(8 * 125 + 8);
  });

  it('the fixture folder’s config gives the jointok export’s code space, padding and context', () => {
    const config = JSON.parse(readFileSync(new URL('./__fixtures__/onnx-community/config.json', import.meta.url), 'utf8'));
    const exported = JSON.parse(readFileSync(new URL('./__fixtures__/jointok/jointok.json', import.meta.url), 'utf8'));
    expect(mimiManifest(config).codeSpace).toEqual(exported.codeSpace);
    expect(mimiManifest(config).preprocessing).toEqual(exported.preprocessing);
    expect(mimiContextFrames(mimiManifest(config))).toBe(mimiContextFrames(exported));
  });

  it.each([
    [{ ...published, sampling_rate: '24k' }, 'config.json sampling_rate'],
    [{ ...published, frame_rate: 7 }, 'config.json frame_rate'],
    [{ ...published, num_quantizers: -1 }, 'config.json num_quantizers'],
  ])('names the bad config field (%#)', (config, path) => {
    expect(() => mimiManifest(config)).toThrow(InvalidSpecError);
    expect(() => mimiManifest(config)).toThrow(path);
  });
});
