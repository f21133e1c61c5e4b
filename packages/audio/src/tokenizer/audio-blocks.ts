import {
  checkTokenBlock,
  InvalidArgumentError,
  isSingleRate,
  ShapeMismatchError,
  streamCodes as coreStreamCodes,
  tokenBlockFromCodes,
  type CodeSpace,
  type TokenBlock,
} from '@jointok/core';

/** A code space, or anything that carries one (a tokenizer). */
export type CodeSpaceSource = CodeSpace | { readonly codeSpace: CodeSpace };

function spaceOf(source: CodeSpaceSource): CodeSpace {
  return 'streams' in source ? source : source.codeSpace;
}

/** Base frames per code of each stream. */
function strides(space: CodeSpace): number[] {
  return space.streams.map((s) => s.stride ?? 1);
}

/**
 * The codes of each codebook of an audio block, in the reference's order, as views into `block.codes`:
 * one row per codebook of `[codebooks, frames]` blocks; for multi-rate blocks (SNAC's flat `[tokens]`,
 * coarse first) each stream's `frames / stride` codes. Pass the tokenizer (or its code space) for blocks
 * that do not say their streams' strides themselves (blocks parsed from joint ids); blocks made by a
 * tokenizer carry `meta.strides`.
 *
 * @example
 * const [coarse, middle, fine] = streamCodes(block, snac); // SNAC 24 kHz: F/4, F/2 and F codes
 *
 * @throws InvalidArgumentError when a multi-rate block comes without its code space
 * @throws ShapeMismatchError when the block's codes do not divide into the streams
 */
export function streamCodes(block: TokenBlock<string>, source?: CodeSpaceSource): Int32Array[] {
  if (typeof block !== 'object' || block === null || !(block.codes instanceof Int32Array) || !Array.isArray(block.shape)) {
    throw new InvalidArgumentError({ argument: 'block', expected: 'a TokenBlock { codes: Int32Array, shape }', received: block });
  }
  if (source !== undefined) {
    const space = spaceOf(source);
    checkTokenBlock(block, space);
    return coreStreamCodes(block, space);
  }
  if (block.shape.length === 2) {
    const [count, frames] = block.shape as [number, number];
    if (count * frames !== block.codes.length) throw new ShapeMismatchError({ argument: 'block.codes', expected: `${count * frames} codes for shape [${count}, ${frames}]`, received: block.codes.length });
    return Array.from({ length: count }, (_, i) => block.codes.subarray(i * frames, (i + 1) * frames));
  }
  const metaStrides = block.meta?.strides;
  if (Array.isArray(metaStrides) && metaStrides.every((s) => Number.isSafeInteger(s) && s > 0)) {
    const names = block.streams ?? metaStrides.map((_, i) => `codebook${i}`);
    return coreStreamCodes(block, { axes: ['tokens'], streams: metaStrides.map((stride: number, i) => ({ name: names[i] ?? `codebook${i}`, codebookSize: 2 ** 31, stride })) });
  }
  if (block.shape.length === 1 && (block.streams === undefined || block.streams.length <= 1)) return [block.codes];
  throw new InvalidArgumentError({ argument: 'source', expected: "the tokenizer or its code space (this block's streams have no strides in meta)", received: undefined });
}

/**
 * The block for per-stream codes of `frames` base frames: `[codebooks, frames]` for single-rate code
 * spaces, the streams concatenated (`[tokens]`, in code-space order) for multi-rate ones. Every code is
 * checked against its stream's codebook.
 *
 * @throws ShapeMismatchError when a stream's length is not `frames / stride`; CodeOutOfRangeError for a bad code
 */
export function tokenBlockFromStreams(streams: readonly Int32Array[], source: CodeSpaceSource, meta: Readonly<Record<string, unknown>> = {}): TokenBlock<'audio'> {
  const space = spaceOf(source);
  if (!Array.isArray(streams) || streams.length !== space.streams.length || !streams.every((s) => s instanceof Int32Array)) {
    throw new InvalidArgumentError({ argument: 'streams', expected: `${space.streams.length} Int32Arrays (one per codebook: ${space.streams.map((s) => s.name).join(', ')})`, received: streams });
  }
  const frames = streams[0]!.length * (space.streams[0]!.stride ?? 1);
  streams.forEach((codes, i) => {
    const stride = space.streams[i]!.stride ?? 1;
    if (codes.length * stride !== frames) throw new ShapeMismatchError({ argument: `streams[${i}]`, expected: `${frames / stride} codes (${frames} frames at stride ${stride})`, received: codes.length });
  });
  const total = streams.reduce((sum, s) => sum + s.length, 0);
  const codes = new Int32Array(total);
  let offset = 0;
  for (const s of streams) {
    codes.set(s, offset);
    offset += s.length;
  }
  const singleRate = isSingleRate(space);
  const shape = singleRate ? [streams.length, frames] : [total];
  const withStrides = singleRate ? meta : { ...meta, strides: strides(space) };
  return tokenBlockFromCodes({ type: 'int32', dims: shape, data: codes }, { modality: 'audio', codeSpace: space, shape, meta: withStrides });
}

/** Base frames a block of the code space holds. */
export function blockFrames(block: TokenBlock<string>, space: CodeSpace): number {
  const first = coreStreamCodes(block, space)[0]!;
  return first.length * (space.streams[0]!.stride ?? 1);
}

/**
 * Joins consecutive blocks of one code space (the blocks of `streamEncode`, or frames parsed as they were
 * generated) into one block, stream by stream. `meta.samples` adds up when every block has it.
 */
export function concatAudioBlocks(blocks: readonly TokenBlock<'audio'>[], source: CodeSpaceSource): TokenBlock<'audio'> {
  const space = spaceOf(source);
  if (!Array.isArray(blocks) || blocks.length === 0) throw new InvalidArgumentError({ argument: 'blocks', expected: 'a non-empty array of blocks', received: blocks });
  const parts = blocks.map((block, i) => {
    checkTokenBlock(block, space, `blocks[${i}]`);
    return coreStreamCodes(block, space);
  });
  const streams = space.streams.map((_, s) => {
    const out = new Int32Array(parts.reduce((sum, p) => sum + p[s]!.length, 0));
    let offset = 0;
    for (const p of parts) {
      out.set(p[s]!, offset);
      offset += p[s]!.length;
    }
    return out;
  });
  const samples = blocks.every((b) => Number.isSafeInteger(b.meta.samples)) ? blocks.reduce((sum, b) => sum + (b.meta.samples as number), 0) : undefined;
  const { samples: _samples, startFrame: _start, frames: _frames, ...meta } = blocks[0]!.meta;
  return tokenBlockFromStreams(streams, space, { ...meta, ...(samples === undefined ? {} : { samples }) });
}
