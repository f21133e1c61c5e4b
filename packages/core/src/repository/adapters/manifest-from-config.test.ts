import { describe, expect, it } from 'vitest';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { UnsupportedError } from '../../errors/unsupported-error.js';
import { DAC_CONFIG, JANUS_CONFIG, MIMI_CONFIG, SNAC_CONFIG } from '../__fixtures__/repository-fixtures.js';
import { manifestFromConfig } from './manifest-from-config.js';

describe('manifestFromConfig (onnx-community folders)', () => {
  it('SNAC 24 kHz: 3 codebooks of 4096 at strides 4, 2, 1; hop 512', () => {
    const manifest = manifestFromConfig(SNAC_CONFIG);
    expect(manifest).toMatchObject({ modality: 'audio', family: 'snac', preprocessing: { sampleRate: 24000, channels: 1, hopLength: 512 } });
    expect(manifest.codeSpace).toEqual({
      axes: ['tokens'],
      streams: [{ name: 'scale0', codebookSize: 4096, stride: 4 }, { name: 'scale1', codebookSize: 4096, stride: 2 }, { name: 'scale2', codebookSize: 4096, stride: 1 }],
      frameRate: 24000 / 512,
    });
    expect(manifest.files.map((f) => [f.path, f.role])).toEqual([['onnx/encoder_model.onnx', 'encoder'], ['onnx/decoder_model.onnx', 'decoder']]);
  });

  it('DAC 44 kHz: 9 codebooks of 1024, hop 512', () => {
    expect(manifestFromConfig(DAC_CONFIG)).toMatchObject({ family: 'dac', preprocessing: { sampleRate: 44100, hopLength: 512 } });
    const space = manifestFromConfig(DAC_CONFIG).codeSpace!;
    expect(space.streams).toHaveLength(9);
    expect(space.streams.every((s) => s.codebookSize === 1024)).toBe(true);
    expect(space.frameRate).toBe(44100 / 512);
  });

  it('Mimi: 32 codebooks of 2048, 1 semantic, 12.5 frames per second', () => {
    expect(manifestFromConfig(MIMI_CONFIG)).toMatchObject({ family: 'mimi', preprocessing: { sampleRate: 24000 }, codeSpace: { frameRate: 12.5 } });
    const names = manifestFromConfig(MIMI_CONFIG).codeSpace!.streams.map((s) => s.name);
    expect(names).toHaveLength(32);
    expect(names.slice(0, 2)).toEqual(['semantic0', 'acoustic0']);
  });

  it('Janus: image decoder only, 16384 codes, 24 x 24 grid at 384 px', () => {
    const manifest = manifestFromConfig(JANUS_CONFIG);
    expect(manifest).toMatchObject({ modality: 'image', family: 'janus', preprocessing: { imageSize: 384 } });
    expect(manifest.codeSpace).toEqual({ axes: ['height', 'width'], sizes: [24, 24], streams: [{ name: 'image', codebookSize: 16384 }] });
    expect(manifest.config).toEqual({ downsample: 16, codeDimension: 8 });
    expect(manifest.files).toEqual([{ path: 'onnx/image_decode.onnx', role: 'decoder' }]);
  });

  it.each([
    [{ ...SNAC_CONFIG, vq_strides: [] }, 'config.json vq_strides'],
    [{ ...DAC_CONFIG, n_codebooks: 0 }, 'config.json n_codebooks'],
    [{ ...MIMI_CONFIG, sampling_rate: '24k' }, 'config.json sampling_rate'],
    [{ ...JANUS_CONFIG, gen_vision_config: { cls: 'VQ-16' } }, 'config.json gen_vision_config.params'],
    [{ ...JANUS_CONFIG, gen_vision_config: { ...JANUS_CONFIG.gen_vision_config, cls: 'LFQ' } }, 'config.json gen_vision_config.cls'],
  ])('names the bad config field (%#)', (config, path) => {
    const error = (() => {
      try {
        manifestFromConfig(config);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(InvalidSpecError.isInstance(error) && error.path).toBe(path);
  });

  it('refuses other model types with UnsupportedError listing the supported ones', () => {
    expect(() => manifestFromConfig({ model_type: 'encodec' })).toThrow(UnsupportedError);
    expect(() => manifestFromConfig({ model_type: 'encodec' })).toThrow(/snac, dac, mimi, multi_modality/);
    expect(() => manifestFromConfig([])).toThrow(InvalidSpecError);
  });
});
