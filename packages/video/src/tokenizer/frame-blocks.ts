import { InvalidArgumentError, ShapeMismatchError, type TokenBlock } from '@jointok/core';

/**
 * The image blocks of a clip block's frames (`[t, ...frame]` → t blocks of shape `frame`): per-frame
 * blocks, as layouts that write each frame as its own image (LaVIT, SEED) need them, and the shared
 * image/video code space of per-frame tokenizers (a frame's codes are the image tokenizer's codes).
 * The clip's per-frame `meta.frameMeta` (input size, padding) travels with each frame.
 */
export function frameBlocks(block: TokenBlock<'video'>): TokenBlock<'image'>[] {
  if (block?.modality !== 'video') throw new InvalidArgumentError({ argument: 'block.modality', expected: "'video'", received: block?.modality });
  const [frames = 0, ...shape] = block.shape;
  const size = shape.reduce((a, b) => a * b, 1);
  if (shape.length === 0 || frames * size !== block.codes.length) throw new ShapeMismatchError({ argument: 'block', expected: '[frames, ...] codes matching the shape', received: block.shape });
  const meta = typeof block.meta.frameMeta === 'object' && block.meta.frameMeta !== null ? (block.meta.frameMeta as Record<string, unknown>) : {};
  return Array.from({ length: frames }, (_, t) => ({
    modality: 'image' as const,
    codes: block.codes.slice(t * size, (t + 1) * size),
    shape: [...shape],
    ...(block.streams === undefined ? {} : { streams: block.streams }),
    meta,
  }));
}

/**
 * A clip block from image blocks of one shape, one per frame: the inverse of {@link frameBlocks}; one
 * image block gives a one-frame clip (an image in the shared image/video code space).
 *
 * @throws ShapeMismatchError when the blocks' shapes differ
 */
export function clipBlock(blocks: readonly TokenBlock<'image'>[], meta: Readonly<Record<string, unknown>> = {}): TokenBlock<'video'> {
  if (!Array.isArray(blocks) || blocks.length === 0) throw new InvalidArgumentError({ argument: 'blocks', expected: 'at least one image block', received: blocks });
  const shape = blocks[0]!.shape;
  const size = blocks[0]!.codes.length;
  const codes = new Int32Array(size * blocks.length);
  blocks.forEach((b, t) => {
    if (b.shape.length !== shape.length || b.shape.some((d: number, i: number) => d !== shape[i])) throw new ShapeMismatchError({ argument: `blocks[${t}].shape`, expected: `[${shape.join(', ')}] like blocks[0]`, received: b.shape });
    codes.set(b.codes, t * size);
  });
  return {
    modality: 'video',
    codes,
    shape: [blocks.length, ...shape],
    ...(blocks[0]!.streams === undefined ? {} : { streams: blocks[0]!.streams }),
    meta: { frames: blocks.length, frameMeta: blocks[0]!.meta, ...meta },
  };
}
