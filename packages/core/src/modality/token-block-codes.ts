import { CodeOutOfRangeError } from '../errors/code-out-of-range-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeMismatchError } from '../errors/shape-mismatch-error.js';
import type { Tensor } from '../tensor/tensor.js';
import { isSingleRate, largestCodebook, type CodeSpace } from './code-space.js';
import type { TokenBlock } from './token-block.js';

/** Options of {@link tokenBlockFromCodes}. */
export interface TokenBlockFromCodesOptions<M extends string> {
  readonly modality: M;
  readonly codeSpace: CodeSpace;
  /** The block's shape; default: the codes tensor's dims without a leading batch axis of 1. */
  readonly shape?: readonly number[];
  readonly meta?: Readonly<Record<string, unknown>>;
}

/**
 * Turns a quantizer's codes tensor (int32, or int64 as ONNX graphs and `encode` past 2^31 give them)
 * into a `TokenBlock` of the code space, checking every code against its stream's codebook.
 *
 * Codes travel as int32: a code space holds codebooks of at most 2^31 codes. Families whose codes are
 * wider (LFQ/BSQ with 32 bits or more) describe them as several streams of fewer bits each, so a code
 * of 2^31 or more is a `CodeOutOfRangeError` here, never a silent wrap.
 *
 * @throws ShapeMismatchError when the shape does not hold the codes or does not fit the code space
 * @throws CodeOutOfRangeError for a code outside its stream's `[0, codebookSize)`
 */
export function tokenBlockFromCodes<M extends string>(codes: Tensor<'int32' | 'int64'>, options: TokenBlockFromCodesOptions<M>): TokenBlock<M> {
  if (codes?.type !== 'int32' && codes?.type !== 'int64') throw new InvalidArgumentError({ argument: 'codes', expected: 'an int32 or int64 tensor', received: codes?.type });
  const shape = options.shape ?? (codes.dims.length > 1 && codes.dims[0] === 1 ? codes.dims.slice(1) : codes.dims);
  const length = codes.data.length;
  const data = new Int32Array(length);
  if (codes.type === 'int32') data.set(codes.data as Int32Array);
  else {
    const wide = codes.data as BigInt64Array;
    for (let i = 0; i < length; i++) {
      const value = wide[i]!;
      if (value < -2147483648n || value > 2147483647n) throw new CodeOutOfRangeError({ argument: 'codes', index: i, value: Number(value), codebookSize: largestCodebook(options.codeSpace) });
      data[i] = Number(value);
    }
  }
  const block: TokenBlock<M> = {
    modality: options.modality,
    codes: data,
    shape: [...shape],
    ...(options.codeSpace.streams.length > 1 ? { streams: options.codeSpace.streams.map((s) => s.name) } : {}),
    meta: options.meta ?? {},
  };
  checkTokenBlock(block, options.codeSpace, 'codes');
  return block;
}

/**
 * Checks that a block fits a code space (what a tokenizer's `decode` must do before it runs a model):
 * an Int32Array whose length is the product of `shape`, one size per axis, fixed sizes respected,
 * stream lengths that match the strides, and every code inside its stream's codebook.
 *
 * @throws InvalidArgumentError, ShapeMismatchError, CodeOutOfRangeError naming `argument`
 */
export function checkTokenBlock(block: TokenBlock<string>, space: CodeSpace, argument = 'block'): void {
  if (typeof block !== 'object' || block === null) throw new InvalidArgumentError({ argument, expected: 'a TokenBlock { modality, codes, shape, meta }', received: block });
  if (!(block.codes instanceof Int32Array)) throw new InvalidArgumentError({ argument: `${argument}.codes`, expected: 'an Int32Array', received: block.codes });
  const { shape, codes } = block;
  if (!Array.isArray(shape) || shape.some((d) => !Number.isSafeInteger(d) || d < 0)) throw new InvalidArgumentError({ argument: `${argument}.shape`, expected: 'an array of non-negative integers', received: shape });
  let size = 1;
  for (const d of shape) size *= d;
  if (size !== codes.length) throw new ShapeMismatchError({ argument: `${argument}.codes`, expected: `${size} codes for shape [${shape.join(', ')}]`, received: codes.length });
  if (shape.length !== space.axes.length) throw new ShapeMismatchError({ argument: `${argument}.shape`, expected: `${space.axes.length} axes (${space.axes.join(', ')})`, received: shape });
  space.sizes?.forEach((fixed, axis) => {
    if (fixed !== null && shape[axis] !== fixed) throw new ShapeMismatchError({ argument: `${argument}.shape`, expected: `${space.axes[axis]} = ${fixed}`, received: shape });
  });
  const lengths = streamLengths(space, shape, codes.length, argument);
  let offset = 0;
  space.streams.forEach((stream, s) => {
    const length = lengths[s]!;
    const limit = stream.codebookSize;
    for (let i = offset; i < offset + length; i++) {
      const code = codes[i]!;
      if (code < 0 || code >= limit) throw new CodeOutOfRangeError({ argument: `${argument}.codes`, index: i, value: code, codebookSize: limit });
    }
    offset += length;
  });
}

/**
 * The codes of each stream of a block, as views into `block.codes`: for `[streams, frames]` blocks one
 * row per stream; for multi-rate flat blocks (SNAC) the concatenated streams split by their strides.
 *
 * @throws ShapeMismatchError when the block's length does not divide into the streams
 */
export function streamCodes(block: TokenBlock<string>, space: CodeSpace): Int32Array[] {
  const lengths = streamLengths(space, block.shape, block.codes.length, 'block');
  const views: Int32Array[] = [];
  let offset = 0;
  for (const length of lengths) {
    views.push(block.codes.subarray(offset, offset + length));
    offset += length;
  }
  return views;
}

/** How many codes each stream holds in a block of `shape`. */
function streamLengths(space: CodeSpace, shape: readonly number[], total: number, argument: string): number[] {
  const count = space.streams.length;
  if (count === 1) return [total];
  if (isSingleRate(space)) {
    // [streams, ...]: the stream axis comes first.
    if (shape[0] !== count) throw new ShapeMismatchError({ argument: `${argument}.shape`, expected: `${count} streams on the first axis (${space.axes[0]})`, received: shape });
    return space.streams.map(() => total / count);
  }
  // Multi-rate: stream s holds frames / stride_s codes for a whole number of coarsest frames.
  const coarsest = Math.max(...space.streams.map((s) => s.stride ?? 1));
  let perCoarseFrame = 0;
  for (const stream of space.streams) perCoarseFrame += coarsest / (stream.stride ?? 1);
  if (!Number.isInteger(perCoarseFrame) || total % perCoarseFrame !== 0) {
    throw new ShapeMismatchError({ argument: `${argument}.codes`, expected: `a multiple of ${perCoarseFrame} codes (one frame of every stream at strides ${space.streams.map((s) => s.stride ?? 1).join(', ')})`, received: total });
  }
  const frames = total / perCoarseFrame;
  return space.streams.map((stream) => (frames * coarsest) / (stream.stride ?? 1));
}

/** The codes of a block as an int32 tensor (`int64` when asked, as ONNX graphs take them), with a leading batch axis of 1. */
export function codesTensorFromBlock(block: TokenBlock<string>, type: 'int32' | 'int64' = 'int32'): Tensor<'int32' | 'int64'> {
  const dims = [1, ...block.shape];
  if (type === 'int32') return { type, dims, data: block.codes };
  return { type, dims, data: BigInt64Array.from(block.codes, (c) => BigInt(c)) };
}
