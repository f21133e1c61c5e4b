import { describe, expect, it } from 'vitest';
import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { arrangeCodes, collectCodes } from './arrange-codes.js';
import { gatherVectors, scatterVectors } from './gather-vectors.js';

describe('gatherVectors / scatterVectors', () => {
  it('reads channel-first [B, C, T] as channel-last vectors', () => {
    // B=1, C=2, T=3
    const data = Float32Array.from([1, 2, 3, 10, 20, 30]);
    const { vectors, count, batchShape } = gatherVectors({ type: 'float32', dims: [1, 2, 3], data }, 2, 'first');
    expect(count).toBe(3);
    expect(batchShape).toEqual([1, 3]);
    expect(Array.from(vectors)).toEqual([1, 10, 2, 20, 3, 30]);
    const back = scatterVectors(vectors, batchShape, 2, 'first');
    expect(back.dims).toEqual([1, 2, 3]);
    expect(Array.from(back.data)).toEqual([1, 2, 3, 10, 20, 30]);
  });

  it('moves every value of [B, C, H, W] to [B, H, W, C] and back, for narrow and wide channel axes', () => {
    for (const [batch, channels, h, w] of [[2, 3, 5, 7], [2, 17, 3, 11], [1, 300, 4, 9], [3, 1024, 2, 3]] as const) {
      const spatial = h * w;
      const data = Float32Array.from({ length: batch * channels * spatial }, (_, i) => i);
      const { vectors, count, batchShape } = gatherVectors({ type: 'float32', dims: [batch, channels, h, w], data }, channels, 'first');
      expect([count, batchShape]).toEqual([batch * spatial, [batch, h, w]]);
      for (let b = 0; b < batch; b++) {
        for (let s = 0; s < spatial; s++) {
          for (let c = 0; c < channels; c++) {
            const want = data[(b * channels + c) * spatial + s];
            const got = vectors[(b * spatial + s) * channels + c];
            if (got !== want) expect(got, `b${b} s${s} c${c} of ${channels} channels`).toBe(want);
          }
        }
      }
      const back = scatterVectors(vectors, batchShape, channels, 'first');
      expect(back.dims).toEqual([batch, channels, h, w]);
      expect(back.data).toEqual(data);
    }
  });

  it('rejects a channel count that does not match', () => {
    const data = new Float32Array(6);
    expect(() => gatherVectors({ type: 'float32', dims: [1, 3, 2], data }, 2, 'first')).toThrow(ShapeMismatchError);
    expect(() => gatherVectors({ type: 'float32', dims: [2, 3], data }, 2, 'last')).toThrow(ShapeMismatchError);
    expect(() => gatherVectors({ type: 'float32', dims: [1, 2, 2], data }, 2, 'last')).toThrow(ShapeMismatchError);
    expect(() => gatherVectors({ type: 'int32', dims: [3, 2], data: new Int32Array(6) } as never, 2, 'last')).toThrow(InvalidArgumentError);
  });
});

describe('arrangeCodes / collectCodes', () => {
  // 2 batch items × 2 tokens × 3 streams, vector-major: token (b,t) stream s = 100b + 10t + s
  const codes = Int32Array.from([0, 1, 2, 10, 11, 12, 100, 101, 102, 110, 111, 112]);
  const batchShape = [2, 2];

  it('lays out tokens-streams as [B, T, S]', () => {
    const t = arrangeCodes(codes, batchShape, 3, 'tokens-streams', false, false);
    expect(t.dims).toEqual([2, 2, 3]);
    expect(Array.from(t.data as Int32Array)).toEqual(Array.from(codes));
  });

  it('lays out streams-after-batch as [B, S, T] (DAC)', () => {
    const t = arrangeCodes(codes, batchShape, 3, 'streams-after-batch', false, false);
    expect(t.dims).toEqual([2, 3, 2]);
    expect(Array.from(t.data as Int32Array)).toEqual([0, 10, 1, 11, 2, 12, 100, 110, 101, 111, 102, 112]);
    const back = collectCodes(t, 'streams-after-batch', 3, 1000, false);
    expect(Array.from(back.codes)).toEqual(Array.from(codes));
    expect(back.batchShape).toEqual(batchShape);
  });

  it('lays out streams-first as [S, B, T] (EnCodec)', () => {
    const t = arrangeCodes(codes, batchShape, 3, 'streams-first', false, false);
    expect(t.dims).toEqual([3, 2, 2]);
    expect(Array.from(t.data as Int32Array)).toEqual([0, 10, 100, 110, 1, 11, 101, 111, 2, 12, 102, 112]);
    expect(Array.from(collectCodes(t, 'streams-first', 3, 1000, false).codes)).toEqual(Array.from(codes));
  });

  it('drops the stream axis for one stream unless asked to keep it, and flattens', () => {
    const single = Int32Array.from([5, 6, 7, 8]);
    expect(arrangeCodes(single, batchShape, 1, 'tokens-streams', false, false).dims).toEqual([2, 2]);
    expect(arrangeCodes(single, batchShape, 1, 'tokens-streams', true, false).dims).toEqual([2, 2, 1]);
    const flat = arrangeCodes(single, batchShape, 1, 'flat', false, false);
    expect(flat.dims).toEqual([4]);
    expect(() => collectCodes(flat, 'flat', 1, 10, false)).toThrow(InvalidArgumentError);
    expect(collectCodes(flat, 'flat', 1, 10, false, [2, 2]).batchShape).toEqual([2, 2]);
  });

  it('writes int64 for codes beyond int32 and reads them back exactly', () => {
    const big = Float64Array.from([2 ** 35 + 1, 3]);
    const t = arrangeCodes(big, [1, 2], 1, 'tokens-streams', false, true);
    expect(t.type).toBe('int64');
    expect(Array.from(t.data as BigInt64Array)).toEqual([34359738369n, 3n]);
    expect(Array.from(collectCodes(t, 'tokens-streams', 1, 2 ** 36, false).codes)).toEqual([2 ** 35 + 1, 3]);
  });

  it('rejects codes out of range and too many streams', () => {
    const t = arrangeCodes(codes, batchShape, 3, 'tokens-streams', false, false);
    expect(() => collectCodes(t, 'tokens-streams', 3, 112, false)).toThrow(CodeOutOfRangeError);
    expect(() => collectCodes(t, 'tokens-streams', 2, 1000, false)).toThrow(ShapeMismatchError);
    const negative = { type: 'int32' as const, dims: [1], data: Int32Array.from([-1]) };
    expect(() => collectCodes(negative, 'tokens-streams', 1, 10, false)).toThrow(CodeOutOfRangeError);
  });
});
