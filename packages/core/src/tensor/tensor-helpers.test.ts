import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeMismatchError } from '../errors/shape-mismatch-error.js';
import { createTensor, sizeOf, toChannelsFirst, toChannelsLast, toInt32, toInt64 } from './tensor-helpers.js';

describe('tensor helpers', () => {
  it('checks element counts against dims', () => {
    expect(createTensor('float32', new Float32Array(6), [2, 3]).dims).toEqual([2, 3]);
    expect(() => createTensor('float32', new Float32Array(5), [2, 3])).toThrow(ShapeMismatchError);
    expect(() => createTensor('float32', new Float32Array(0), [-1])).toThrow(InvalidArgumentError);
    expect(sizeOf([])).toBe(1);
    expect(sizeOf([2, 0, 3])).toBe(0);
  });

  it('moves the channel axis to the end and back', () => {
    // [B=1, C=2, H=1, W=3]: channel 0 = 0,1,2 ; channel 1 = 10,11,12
    const first = createTensor('float32', Float32Array.from([0, 1, 2, 10, 11, 12]), [1, 2, 1, 3]);
    const last = toChannelsLast(first);
    expect(last.dims).toEqual([1, 1, 3, 2]);
    expect(Array.from(last.data)).toEqual([0, 10, 1, 11, 2, 12]);
    const back = toChannelsFirst(last);
    expect(back.dims).toEqual([1, 2, 1, 3]);
    expect(Array.from(back.data)).toEqual([0, 1, 2, 10, 11, 12]);
    expect(() => toChannelsLast(createTensor('float32', new Float32Array(2), [2]))).toThrow(ShapeMismatchError);
  });

  it('converts between int32 and int64 without silent wrapping', () => {
    const wide = toInt64(createTensor('int32', Int32Array.from([0, -5, 2147483647]), [3]));
    expect(wide.type).toBe('int64');
    expect(Array.from(wide.data)).toEqual([0n, -5n, 2147483647n]);
    expect(Array.from(toInt32(wide).data)).toEqual([0, -5, 2147483647]);
    const tooBig = createTensor('int64', BigInt64Array.from([2147483648n]), [1]);
    expect(() => toInt32(tooBig)).toThrow(InvalidArgumentError);
  });
});
