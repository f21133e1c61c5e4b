import { CodeOutOfRangeError, InvalidArgumentError, ShapeMismatchError, type CodeSpace } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { concatAudioBlocks, streamCodes, tokenBlockFromStreams } from './audio-blocks.js';

const snacLike: CodeSpace = { axes: ['tokens'], streams: [{ name: 'c0', codebookSize: 16, stride: 4 }, { name: 'c1', codebookSize: 16, stride: 2 }, { name: 'c2', codebookSize: 16 }] };
const dacLike: CodeSpace = { axes: ['codebooks', 'frames'], streams: [{ name: 'c0', codebookSize: 8 }, { name: 'c1', codebookSize: 8 }] };

describe('audio blocks', () => {
  it('multi-rate streams: one flat block, coarse first, strides in meta; streamCodes splits it back', () => {
    const streams = [Int32Array.of(1, 2), Int32Array.of(3, 4, 5, 6), Int32Array.of(7, 8, 9, 10, 11, 12, 13, 14)];
    const block = tokenBlockFromStreams(streams, snacLike, { samples: 100 });
    expect(block).toMatchObject({ modality: 'audio', shape: [14], streams: ['c0', 'c1', 'c2'], meta: { samples: 100, strides: [4, 2, 1] } });
    expect(Array.from(block.codes)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(streamCodes(block)).toEqual(streams);
    expect(streamCodes(block, snacLike)).toEqual(streams);
    expect(streamCodes(block, { codeSpace: snacLike })).toEqual(streams);
    // A flat block parsed from ids carries no strides: the code space says them.
    expect(() => streamCodes({ ...block, meta: {} })).toThrow(InvalidArgumentError);
    expect(streamCodes({ ...block, meta: {} }, snacLike)).toEqual(streams);
  });

  it('single-rate streams: [codebooks, frames], rows', () => {
    const block = tokenBlockFromStreams([Int32Array.of(1, 2, 3), Int32Array.of(4, 5, 6)], dacLike);
    expect(block.shape).toEqual([2, 3]);
    expect(block.meta).toEqual({});
    expect(streamCodes(block).map((s) => Array.from(s))).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('joins consecutive blocks stream by stream, adding up samples', () => {
    const a = tokenBlockFromStreams([Int32Array.of(1), Int32Array.of(2, 3), Int32Array.of(4, 5, 6, 7)], snacLike, { samples: 40, startFrame: 0, family: 'snac' });
    const b = tokenBlockFromStreams([Int32Array.of(8), Int32Array.of(9, 10), Int32Array.of(11, 12, 13, 14)], snacLike, { samples: 30, startFrame: 4, family: 'snac' });
    const joined = concatAudioBlocks([a, b], snacLike);
    expect(Array.from(joined.codes)).toEqual([1, 8, 2, 3, 9, 10, 4, 5, 6, 7, 11, 12, 13, 14]);
    expect(joined.meta).toEqual({ family: 'snac', samples: 70, strides: [4, 2, 1] });
    expect(() => concatAudioBlocks([], snacLike)).toThrow(InvalidArgumentError);
  });

  it('refuses streams that do not fit the code space', () => {
    expect(() => tokenBlockFromStreams([Int32Array.of(1), Int32Array.of(2, 3), Int32Array.of(4, 5, 6)], snacLike)).toThrow(ShapeMismatchError);
    expect(() => tokenBlockFromStreams([Int32Array.of(1, 2, 3)], dacLike)).toThrow(InvalidArgumentError);
    expect(() => tokenBlockFromStreams([Int32Array.of(1, 2), Int32Array.of(8, 0)], dacLike)).toThrow(CodeOutOfRangeError);
    expect(() => streamCodes({ modality: 'audio', codes: new Int32Array(5), shape: [2, 3], meta: {} })).toThrow(ShapeMismatchError);
    expect(() => streamCodes(null as never)).toThrow(InvalidArgumentError);
  });
});
