import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import { assertTensorData, fromOrtTensor, toOrtTensor } from './convert-tensor.js';
import type { OrtModule, OrtTensor } from './ort-module.js';

describe('tensor conversion', () => {
  it('builds runtime tensors with the injected Tensor class, sharing the data', () => {
    const calls: unknown[][] = [];
    const ort = { Tensor: class { constructor(...args: unknown[]) { calls.push(args); } } } as unknown as OrtModule;
    const data = new Float32Array([1, 2, 3, 4, 5, 6]);
    toOrtTensor(ort, { type: 'float32', dims: [2, 3], data });
    expect(calls).toEqual([['float32', data, [2, 3]]]);
    expect(calls[0]![1]).toBe(data);
  });

  it('reads CPU tensors as they are and downloads device tensors', async () => {
    const data = new BigInt64Array([3n, 4n]);
    expect(await fromOrtTensor({ type: 'int64', dims: [2], data, location: 'cpu' }, 'codes')).toEqual({ type: 'int64', dims: [2], data });
    const downloaded = new Float32Array([7]);
    const gpu: OrtTensor = { type: 'float32', dims: [1], data: undefined, location: 'gpu-buffer', getData: async () => downloaded };
    expect((await fromOrtTensor(gpu, 'y')).data).toBe(downloaded);
  });

  it('views float16 data that is not a Uint16Array as raw bits', async () => {
    const halves = new Int16Array([0x3c00, -0x4400]); // stands in for a Float16Array: another 16-bit view
    const tensor = await fromOrtTensor({ type: 'float16', dims: [2], data: halves }, 'h');
    expect(tensor.data).toBeInstanceOf(Uint16Array);
    expect(Array.from(tensor.data as Uint16Array)).toEqual([0x3c00, 0xbc00]);
  });

  it('rejects output types jointok has no array for with UnsupportedError naming the output', async () => {
    const error = await fromOrtTensor({ type: 'string', dims: [1], data: ['a'] }, 'labels').catch((e: unknown) => e);
    expect(UnsupportedError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('"labels"');
  });

  it('checks that data matches the declared type', () => {
    expect(() => assertTensorData({ type: 'int32', dims: [1], data: new Float32Array(1) }, 'feeds.a')).toThrow(InvalidArgumentError);
    expect(() => assertTensorData({ type: 'int32', dims: 'x', data: new Int32Array(1) }, 'feeds.a')).toThrow(/feeds\.a\.dims/);
    expect(() => assertTensorData({ type: 'bool', dims: [1], data: new Uint8Array(1) }, 'feeds.a')).not.toThrow();
  });
});
