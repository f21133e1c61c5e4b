import { describe, expect, it } from 'vitest';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { UnsupportedError } from '../../errors/unsupported-error.js';
import { parseManifest } from './parse-manifest.js';
import { validateManifest } from './validate-manifest.js';

const SHA = 'a'.repeat(64);

function valid(): Record<string, unknown> {
  return {
    manifestVersion: 1,
    name: 'jointok/tiny',
    modality: 'audio',
    family: 'dac',
    files: [
      { path: 'onnx/encoder_model.onnx', sha256: SHA, size: 10, role: 'encoder', variants: { fp16: { path: 'onnx/encoder_model_fp16.onnx', sha256: 'b'.repeat(64), size: 5 } } },
      { path: 'onnx/decoder_model.onnx', sha256: 'c'.repeat(64), size: 12, role: 'decoder' },
    ],
    preprocessing: { sampleRate: 44100 },
    quantizer: { type: 'residual-vq', codebooks: 9 },
    codeSpace: { axes: ['codebooks', 'frames'], streams: [{ name: 'codebook0', codebookSize: 1024 }, { name: 'codebook1', codebookSize: 1024 }], frameRate: 86.1328125 },
    postprocessing: { clamp: [-1, 1] },
    config: { hopLength: 512 },
    license: 'MIT',
    source: { url: 'https://github.com/descriptinc/descript-audio-codec', revision: 'v1.0.0' },
  };
}

/** The JSON paths of every error validateManifest reports for `json`. */
function errorPaths(json: unknown): string[] {
  const result = validateManifest(json);
  return result.valid ? [] : result.errors.map((e) => e.path);
}

describe('validateManifest / parseManifest', () => {
  it('accepts a complete manifest and returns it typed', () => {
    const manifest = parseManifest(JSON.stringify(valid()));
    expect(manifest.family).toBe('dac');
    expect(manifest.files[0]?.variants?.fp16?.size).toBe(5);
  });

  it('accepts an empty file list (a tokenizer without weights, such as μ-law)', () => {
    const result = validateManifest({ manifestVersion: 1, modality: 'audio', family: 'mu-law', files: [], preprocessing: { sampleRate: 16000, channels: 1 } });
    expect(result.valid && result.manifest.files).toEqual([]);
  });

  it.each([
    ['manifestVersion', 0, 'manifestVersion'],
    ['modality', 'smell', 'modality'],
    ['family', '', 'family'],
    ['files', {}, 'files'],
    ['quantizer', { levels: [8] }, 'quantizer.type'],
    ['quantizer', 'fsq', 'quantizer'],
    ['preprocessing', [1], 'preprocessing'],
    ['license', 3, 'license'],
    ['source', { url: 5 }, 'source.url'],
    ['source', { homepage: 'x' }, 'source.homepage'],
    ['postprocessing', 'clamp', 'postprocessing'],
    ['config', null, 'config'],
    ['layout', { axes: ['height', 'width'] }, 'layout'],
    ['codeSpace', { axes: [], streams: [{ name: 'a', codebookSize: 4 }] }, 'codeSpace.axes'],
    ['codeSpace', { axes: ['tokens'], streams: [{ name: 'a', codebookSize: 2 ** 31 + 1 }] }, 'codeSpace.streams[0].codebookSize'],
    ['codeSpace', { axes: ['tokens'], streams: [{ name: 'a', codebookSize: 4, stride: 0 }] }, 'codeSpace.streams[0].stride'],
    ['codeSpace', { axes: ['h', 'w'], sizes: [16], streams: [{ name: 'a', codebookSize: 4 }] }, 'codeSpace.sizes'],
    ['codeSpace', { axes: ['tokens'], streams: [{ name: 'a', codebookSize: 4 }], frameRate: -1 }, 'codeSpace.frameRate'],
    ['codeSpace', { axes: ['tokens'], streams: [{ name: 'a', codebookSize: 4, rate: 2 }] }, 'codeSpace.streams[0].rate'],
    ['colour', 'red', 'colour'],
  ])('names the field when %s is %j', (key, value, path) => {
    expect(errorPaths({ ...valid(), [key]: value })).toEqual([path]);
  });

  it.each([
    [{ path: '../escape.bin', sha256: SHA, size: 1 }, 'files[0].path'],
    [{ path: '/etc/passwd', sha256: SHA, size: 1 }, 'files[0].path'],
    [{ path: 'a.bin', sha256: SHA.toUpperCase(), size: 1 }, 'files[0].sha256'],
    [{ path: 'a.bin', size: 1 }, 'files[0].sha256'],
    [{ path: 'a.bin', sha256: SHA, size: -1 }, 'files[0].size'],
    [{ path: 'a.bin', sha256: SHA, size: 1.5 }, 'files[0].size'],
    [{ path: 'a.bin', sha256: SHA }, 'files[0].size'],
    [{ path: 'a.bin', sha256: SHA, size: 1, role: '' }, 'files[0].role'],
    [{ path: 'a.bin', sha256: SHA, size: 1, variants: { fp16: { path: 'a/../../b', sha256: SHA, size: 1 } } }, 'files[0].variants.fp16.path'],
    [{ path: 'a.bin', sha256: SHA, size: 1, variants: { fp16: { path: 'b.bin', sha256: SHA } } }, 'files[0].variants.fp16.size'],
    [{ path: 'a.bin', sha256: SHA, size: 1, url: 'http://evil' }, 'files[0].url'],
  ])('names the file field of %j', (file, path) => {
    expect(errorPaths({ ...valid(), files: [file] })).toEqual([path]);
  });

  it('refuses a path listed twice', () => {
    const file = { path: 'a.bin', sha256: SHA, size: 1 };
    expect(errorPaths({ ...valid(), files: [file, file] })).toEqual(['files[1].path']);
  });

  it('reports every problem at once', () => {
    expect(errorPaths({ manifestVersion: 1, modality: 'audio' })).toEqual(['family', 'files']);
  });

  it('throws the first problem as InvalidSpecError with path and expected value', () => {
    const error = (() => {
      try {
        parseManifest({ ...valid(), family: 7 });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(InvalidSpecError.isInstance(error)).toBe(true);
    expect((error as InvalidSpecError).path).toBe('family');
    expect((error as InvalidSpecError).expected).toBe('a non-empty string');
  });

  it('refuses invalid JSON text and non-objects', () => {
    expect(() => parseManifest('{"manifestVersion": 1,')).toThrow(InvalidSpecError);
    expect(() => parseManifest(new TextEncoder().encode('[]'))).toThrow(InvalidSpecError);
    expect(() => parseManifest(null)).toThrow(InvalidSpecError);
  });

  it('refuses documents nested deeper than 64 levels with InvalidSpecError, text or parsed', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const text = JSON.stringify({ ...valid(), preprocessing: { x: 0 } }).replace('{"x":0}', `{"x":${deep}}`);
    expect(() => parseManifest(text)).toThrowError(/nested more than 64 levels/);
    let value: unknown = 0;
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(() => parseManifest({ ...valid(), preprocessing: { x: value } })).toThrow(InvalidSpecError);
    expect(parseManifest(JSON.stringify({ ...valid(), preprocessing: { text: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[' } }))).toBeDefined();
  });

  it('refuses a newer manifestVersion with UnsupportedError instead of guessing', () => {
    expect(() => parseManifest({ ...valid(), manifestVersion: 2 })).toThrow(UnsupportedError);
  });

  it('reports at most 100 problems of a hostile document and says it stopped, without walking all of it', () => {
    // A 2 MB jointok.json of a million wrong file entries once took seconds and held a million errors.
    const result = validateManifest({ ...valid(), files: new Array(1_000_000).fill(1) });
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.errors).toHaveLength(100);
    expect(result.errors[99]?.path).toBe('files[99]');
    expect(result.truncated).toBe(true);
    expect(validateManifest({ ...valid(), files: 1 })).toMatchObject({ valid: false, truncated: false });
    const keys = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
    const many = validateManifest({ ...valid(), ...keys });
    expect(many.valid ? 0 : many.errors.length).toBe(100);
  });
});
