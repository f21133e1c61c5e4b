import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidWeightsFileError } from '../errors/invalid-weights-file-error.js';
import type { Tensor } from '../tensor/tensor.js';
import { readSafetensors } from './read-safetensors.js';
import { toFloat32 } from './to-float32.js';
import { writeSafetensors } from './write-safetensors.js';

// Written by tools/export/export_common.py (tools/fixtures/make_safetensors_fixture.py); the expected
// values are torch's.
const fixture = new Uint8Array(readFileSync(new URL('./__fixtures__/mixed.safetensors', import.meta.url)));
const expected = JSON.parse(readFileSync(new URL('./__fixtures__/mixed.expected.json', import.meta.url), 'utf8')) as {
  tensors: Record<string, { shape: number[]; values: (number | string)[] }>;
  float32: Record<string, (number | string)[]>;
  metadata: Record<string, string>;
};
const number = (v: number | string) => (typeof v === 'string' ? Number(v.replace('inf', 'Infinity')) : v);

describe('readSafetensors', () => {
  const file = readSafetensors(fixture, { file: 'mixed.safetensors' });

  it('reads every dtype the Python writer wrote, with torch values', () => {
    expect(file.metadata).toEqual(expected.metadata);
    expect([...file.tensors.keys()].sort()).toEqual(Object.keys(expected.tensors).sort());
    for (const [name, { shape, values }] of Object.entries(expected.tensors)) {
      const tensor = file.tensors.get(name)!;
      expect(tensor.dims, name).toEqual(shape);
      const actual = tensor.type === 'int64' ? Array.from(tensor.data as BigInt64Array, Number) : tensor.type === 'float16' || tensor.type === 'bfloat16' ? Array.from(toFloat32(tensor).data) : Array.from(tensor.data as ArrayLike<number>);
      expect(actual, name).toEqual(values.map(number));
    }
  });

  it('widens float16, bfloat16 and float64 to float32 as torch .float() does', () => {
    for (const [name, values] of Object.entries(expected.float32)) {
      expect(Array.from(toFloat32(file.tensors.get(name)!, name).data), name).toEqual(values.map(number));
    }
    expect(() => toFloat32(file.tensors.get('steps')!)).toThrowError(/floating-point/);
  });

  it('writes the same bytes as the Python writer', () => {
    expect(writeSafetensors(Object.fromEntries(file.tensors) as Record<string, Tensor>, file.metadata)).toEqual(fixture);
  });

  it('gives each tensor aligned storage of its own', () => {
    const codebook = file.tensors.get('codebook')!;
    expect(codebook.data.buffer).not.toBe(fixture.buffer);
    expect(codebook.data.byteOffset % 4).toBe(0);
  });
});

describe('readSafetensors: malformed files', () => {
  const header = (json: unknown, data = new Uint8Array(0), length?: number) => {
    const text = new TextEncoder().encode(JSON.stringify(json));
    const out = new Uint8Array(8 + text.length + data.length);
    new DataView(out.buffer).setBigUint64(0, BigInt(length ?? text.length), true);
    out.set(text, 8);
    out.set(data, 8 + text.length);
    return out;
  };
  const reason = (bytes: Uint8Array) => {
    try {
      readSafetensors(bytes, { file: 'w.safetensors' });
    } catch (error) {
      expect(InvalidWeightsFileError.isInstance(error)).toBe(true);
      return (error as InvalidWeightsFileError).message;
    }
    throw new Error('no error');
  };

  it.each([
    ['too short', new Uint8Array(5), /too short/],
    ['a header longer than the file', header({}, new Uint8Array(0), 1000), /header length 1000 exceeds/],
    ['a header that is not JSON', (() => { const b = header({}); b[8] = 0x7b; b[9] = 0x7b; return b; })(), /not valid UTF-8 JSON/],
    ['a JSON array header', header([1, 2]), /not a JSON object/],
    ['an unknown dtype', header({ a: { dtype: 'F8_E4M3', shape: [1], data_offsets: [0, 1] } }, new Uint8Array(1)), /unsupported dtype "F8_E4M3"/],
    ['a negative shape', header({ a: { dtype: 'U8', shape: [-1], data_offsets: [0, 1] } }, new Uint8Array(1)), /shape \[-1\]/],
    ['offsets past the data', header({ a: { dtype: 'U8', shape: [4], data_offsets: [0, 4] } }, new Uint8Array(2)), /leave the data section/],
    ['a size that does not match the shape', header({ a: { dtype: 'F32', shape: [2], data_offsets: [0, 4] } }, new Uint8Array(4)), /needs 8/],
    ['overlapping tensors', header({ a: { dtype: 'U8', shape: [2], data_offsets: [0, 2] }, b: { dtype: 'U8', shape: [2], data_offsets: [1, 3] } }, new Uint8Array(3)), /overlaps tensor "a"/],
    ['non-string metadata', header({ __metadata__: { a: 1 } }), /__metadata__.a/],
  ])('refuses %s with a typed error', (_, bytes, message) => {
    expect(reason(bytes)).toMatch(message);
  });

  it('refuses a header nested deeper than 64 levels before parsing it (found by the long fuzz run)', () => {
    // 200,000 levels: JSON.parse alone took seconds on such a header.
    const text = new TextEncoder().encode(`{"w":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    const file = new Uint8Array(8 + text.length);
    new DataView(file.buffer).setBigUint64(0, BigInt(text.length), true);
    file.set(text, 8);
    expect(() => readSafetensors(file)).toThrowError(/nested more than 64 levels/);
    expect(() => readSafetensors(file)).toThrowError(InvalidWeightsFileError);
  });

  it('names the file and the tensor', () => {
    expect(reason(header({ codebook: { dtype: 'F32', shape: [2], data_offsets: [0, 4] } }, new Uint8Array(4)))).toMatch(/^w\.safetensors \(tensor "codebook"\)/);
  });
});
