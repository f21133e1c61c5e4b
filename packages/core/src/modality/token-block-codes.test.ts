import { describe, expect, it } from 'vitest';
import { CodeOutOfRangeError } from '../errors/code-out-of-range-error.js';
import { DisposedError } from '../errors/disposed-error.js';
import { InvalidSpecError } from '../errors/invalid-spec-error.js';
import { ShapeMismatchError } from '../errors/shape-mismatch-error.js';
import type { CodeSpace } from './code-space.js';
import { createModalityTokenizer } from './modality-tokenizer.js';
import { checkTokenBlock, codesTensorFromBlock, streamCodes, tokenBlockFromCodes } from './token-block-codes.js';
import { validateCodeSpace } from './validate-code-space.js';

const grid: CodeSpace = { axes: ['height', 'width'], sizes: [2, null], streams: [{ name: 'image', codebookSize: 10 }] };
const codec: CodeSpace = { axes: ['codebooks', 'frames'], streams: [{ name: 'c0', codebookSize: 4 }, { name: 'c1', codebookSize: 8 }] };
// SNAC-like: strides 4, 2, 1 -> 1 + 2 + 4 codes per coarse frame.
const snac: CodeSpace = { axes: ['tokens'], streams: [{ name: 's0', codebookSize: 5, stride: 4 }, { name: 's1', codebookSize: 5, stride: 2 }, { name: 's2', codebookSize: 5, stride: 1 }] };

describe('tokenBlockFromCodes', () => {
  it('drops the batch axis, copies int32 and narrows int64 codes', () => {
    const block = tokenBlockFromCodes({ type: 'int64', dims: [1, 2, 3], data: BigInt64Array.from([0n, 1n, 2n, 3n, 4n, 9n]) }, { modality: 'image', codeSpace: grid, meta: { size: 7 } });
    expect(block).toEqual({ modality: 'image', codes: Int32Array.from([0, 1, 2, 3, 4, 9]), shape: [2, 3], meta: { size: 7 } });
    const codes = { type: 'int32' as const, dims: [2, 2], data: Int32Array.from([0, 1, 2, 7]) };
    const two = tokenBlockFromCodes(codes, { modality: 'audio', codeSpace: codec });
    expect(two.streams).toEqual(['c0', 'c1']);
    expect(two.codes).not.toBe(codes.data);
  });

  it('refuses codes outside their stream, and int64 codes past int32 with their true value', () => {
    expect(() => tokenBlockFromCodes({ type: 'int32', dims: [2, 2], data: Int32Array.from([0, 4, 2, 7]) }, { modality: 'audio', codeSpace: codec })).toThrowError(/code 4 at flat index 1; expected an integer in \[0, 4\)/);
    const wide = () => tokenBlockFromCodes({ type: 'int64', dims: [1, 2, 1], data: BigInt64Array.from([0n, 2n ** 33n]) }, { modality: 'image', codeSpace: grid });
    expect(wide).toThrowError(CodeOutOfRangeError);
    expect(wide).toThrowError(/8589934592/);
  });
});

describe('checkTokenBlock', () => {
  const block = (codes: number[], shape: number[]) => ({ modality: 'image', codes: Int32Array.from(codes), shape, meta: {} });

  it('accepts a block of the code space', () => {
    expect(() => checkTokenBlock(block([1, 2, 3, 4], [2, 2]), grid)).not.toThrow();
    expect(() => checkTokenBlock(block([0, 1, 2, 3, 4, 0, 1], [7]), snac)).not.toThrow();
  });

  it.each([
    ['a length that does not match the shape', block([1, 2, 3], [2, 2]), ShapeMismatchError, /4 codes for shape \[2, 2\]/],
    ['another number of axes', block([1, 2], [2]), ShapeMismatchError, /2 axes \(height, width\)/],
    ['a fixed size broken', block([1, 2, 3], [3, 1]), ShapeMismatchError, /height = 2/],
    ['a negative code', block([1, -1], [2, 1]), CodeOutOfRangeError, /code -1/],
    ['a multi-rate length that is not whole frames', block([0, 1, 2, 3, 4, 0], [6]), ShapeMismatchError, /multiple of 7 codes/],
  ])('refuses %s', (_, bad, type, message) => {
    const space = bad.shape.length === 1 && bad.codes.length === 6 ? snac : grid;
    expect(() => checkTokenBlock(bad, space)).toThrowError(type);
    expect(() => checkTokenBlock(bad, space)).toThrowError(message);
  });

  it('checks each stream against its own codebook', () => {
    expect(() => checkTokenBlock({ modality: 'audio', codes: Int32Array.from([3, 3, 7, 7]), shape: [2, 2], meta: {} }, codec)).not.toThrow();
    expect(() => checkTokenBlock({ modality: 'audio', codes: Int32Array.from([3, 7, 7, 7]), shape: [2, 2], meta: {} }, codec)).toThrowError(/code 7 at flat index 1/);
    expect(() => checkTokenBlock({ modality: 'audio', codes: Int32Array.from([3, 3, 3, 3]), shape: [1, 4], meta: {} }, codec)).toThrowError(/2 streams on the first axis/);
  });
});

describe('streamCodes', () => {
  it('splits multi-rate blocks by stride and single-rate blocks by row', () => {
    const codes = Int32Array.from([1, 2, 2, 3, 3, 3, 3, 1, 2, 2, 3, 3, 3, 3]);
    const [s0, s1, s2] = streamCodes({ modality: 'audio', codes, shape: [14], meta: {} }, snac);
    expect([s0!.length, s1!.length, s2!.length]).toEqual([2, 4, 8]);
    expect([...s0!]).toEqual([1, 2]);
    const rows = streamCodes({ modality: 'audio', codes: Int32Array.from([0, 1, 2, 3, 4, 5]), shape: [2, 3], meta: {} }, codec);
    expect(rows.map((r) => [...r])).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(codesTensorFromBlock({ modality: 'audio', codes: Int32Array.from([1, 2]), shape: [2, 1], meta: {} }, 'int64')).toEqual({ type: 'int64', dims: [1, 2, 1], data: BigInt64Array.from([1n, 2n]) });
  });
});

describe('validateCodeSpace', () => {
  it('returns a valid space and names the bad field of an invalid one', () => {
    expect(validateCodeSpace(snac)).toBe(snac);
    const path = (value: unknown) => {
      try {
        validateCodeSpace(value);
      } catch (error) {
        if (InvalidSpecError.isInstance(error)) return error.path;
        throw error;
      }
      return undefined;
    };
    expect(path(null)).toBe('codeSpace');
    expect(path({ axes: ['a'], streams: [] })).toBe('codeSpace.streams');
    expect(path({ axes: ['a', 7], streams: [{ name: 'x', codebookSize: 2 }] })).toBe('codeSpace.axes[1]');
    expect(path({ axes: ['a'], streams: [{ name: '', codebookSize: 2 }] })).toBe('codeSpace.streams[0].name');
    expect(path({ axes: ['a'], streams: [{ name: 'x', codebookSize: 1.5 }] })).toBe('codeSpace.streams[0].codebookSize');
    expect(path({ axes: ['a'], sizes: [0], streams: [{ name: 'x', codebookSize: 2 }] })).toBe('codeSpace.sizes[0]');
    expect(path({ axes: ['a'], streams: [{ name: 'x', codebookSize: 2 }], extra: 1 })).toBe('codeSpace.extra');
  });
});

describe('createModalityTokenizer', () => {
  it('disposes once and refuses calls afterwards', async () => {
    let released = 0;
    const tokenizer = createModalityTokenizer({
      modality: 'image',
      codeSpace: grid,
      encode: () => ({ modality: 'image', codes: new Int32Array(2), shape: [2, 1], meta: {} }),
      decode: () => 'pixels',
      dispose: () => {
        released++;
      },
    });
    expect(tokenizer.decode(tokenizer.encode(undefined) as never)).toBe('pixels');
    await Promise.all([tokenizer.dispose(), tokenizer[Symbol.asyncDispose](), tokenizer.dispose()]);
    expect(released).toBe(1);
    expect(() => tokenizer.encode(undefined)).toThrowError(DisposedError);
    expect(() => tokenizer.decode(undefined as never)).toThrowError(/Cannot decode: the image tokenizer has been disposed/);
  });

  it('works with await using', async () => {
    let released = false;
    {
      await using tokenizer = createModalityTokenizer({ modality: 'text', codeSpace: grid, encode: () => undefined as never, decode: () => '', dispose: () => void (released = true) });
      expect(tokenizer.modality).toBe('text');
    }
    expect(released).toBe(true);
  });
});
