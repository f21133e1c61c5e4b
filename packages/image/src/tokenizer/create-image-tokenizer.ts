import {
  checkTokenBlock,
  codesTensorFromBlock,
  createModalityTokenizer,
  InvalidArgumentError,
  ShapeMismatchError,
  toFloat32,
  tokenBlockFromCodes,
  UnsupportedError,
  type CodeSpace,
  type Manifest,
  type Quantizer,
  type Session,
  type Tensor,
  type TokenBlock,
  type TokenizeCallOptions,
} from '@jointok/core';
import type { Image8 } from '../image/types.js';
import type { Postprocessor } from '../recipes/postprocessor.js';
import type { Preprocessor } from '../recipes/preprocessor.js';
import { blockShape } from './block-shape.js';
import type { ImageSource, ImageTokenizer } from './image-tokenizer.js';
import { readPadding } from './read-padding.js';

/** Reads an image source to pixels: the package entry's `readImage`. */
export type ImageReader = (input: never, options: { alpha: 'keep' | 'drop' }) => Promise<Image8>;

/** The stages an image tokenizer runs; families assemble them from a repository. */
export interface ImageTokenizerParts {
  readonly manifest: Manifest;
  readonly codeSpace: CodeSpace;
  readonly preprocessor: Preprocessor;
  readonly postprocessor: Postprocessor;
  readonly readImage: ImageReader;
  /** Pixels `[B, 3, H, W]` → pre-quantization latents; absent when the repository holds only a decoder. */
  readonly encoder?: Session;
  /** Latents ↔ codes; absent when the graphs take and give codes themselves. */
  readonly quantizer?: Quantizer;
  readonly decoder: Session;
  /**
   * The decoder's input for a block. Default: the quantizer's decoded latents of `[1, ...block.shape]`
   * codes. Families whose decoder takes codes (Janus) or another latent shape give their own.
   */
  readonly decoderFeed?: (block: TokenBlock<'image'>, quantizer: Quantizer | undefined) => Tensor;
  /** A family's own check of a block before decoding (e.g. a smallest grid), throwing a typed error. */
  readonly checkBlock?: (block: TokenBlock<'image'>) => void;
  /** Releases the sessions. */
  readonly release: () => Promise<void>;
}

function isImage(value: unknown): value is Image8 {
  const image = value as Partial<Image8> | null;
  return typeof image === 'object' && image !== null && image.data instanceof Uint8Array && typeof image.width === 'number' && typeof image.channels === 'number';
}

/** The first output of a session run, as float32. */
function firstOutput(outputs: Record<string, Tensor>, session: Session, what: string): Tensor<'float32'> {
  const tensor = outputs[session.outputNames[0]!];
  if (tensor === undefined) throw new ShapeMismatchError({ argument: `${what} output`, expected: `an output named ${session.outputNames[0]}`, received: Object.keys(outputs).length });
  return tensor.type === 'float32' ? (tensor as Tensor<'float32'>) : toFloat32(tensor, `${what} output`);
}

/**
 * Assembles an {@link ImageTokenizer} from its stages: read → preprocess → encoder → quantizer → block,
 * and block → quantizer's codebook → decoder → postprocess. Every call honours `signal` between stages.
 */
export function createImageTokenizer(parts: ImageTokenizerParts): ImageTokenizer {
  const { manifest, codeSpace, preprocessor, postprocessor, encoder, quantizer, decoder } = parts;
  const alpha = preprocessor.needsAlpha ? 'keep' : 'drop';

  const pixels = async (input: ImageSource): Promise<Image8> => (isImage(input) ? input : parts.readImage(input as never, { alpha }));

  const quantize = async (latents: Tensor<'float32'>, meta: Record<string, unknown>, options: TokenizeCallOptions): Promise<TokenBlock<'image'>> => {
    if (quantizer === undefined) throw new UnsupportedError({ feature: `encoding with ${manifest.name ?? manifest.family} (its repository has no quantizer)` });
    const codes = await quantizer.encodeAsync(latents, options.signal === undefined ? {} : { signal: options.signal });
    return tokenBlockFromCodes(codes, { modality: 'image', codeSpace, shape: blockShape(codes.dims, codeSpace), meta });
  };

  const encodePixels = async (image: Image8, options: TokenizeCallOptions): Promise<TokenBlock<'image'>> => {
    if (encoder === undefined) throw new UnsupportedError({ feature: `encoding with ${manifest.name ?? manifest.family}`, message: `The repository of ${manifest.name ?? manifest.family} holds only an image decoder; encode with the tokenizer whose codes it decodes.` });
    const { tensor, padding } = preprocessor.run(image);
    options.signal?.throwIfAborted();
    const latents = firstOutput(await encoder.run({ [encoder.inputNames[0]!]: tensor }, { signal: options.signal }), encoder, 'encoder');
    return quantize(latents, { width: image.width, height: image.height, ...(padding === undefined ? {} : { padding }) }, options);
  };

  const decodeLatents = (block: TokenBlock<'image'>): Tensor<'float32'> => {
    checkTokenBlock(block, codeSpace);
    if (quantizer === undefined) throw new UnsupportedError({ feature: `decoding latents with ${manifest.name ?? manifest.family} (its repository has no quantizer)` });
    return quantizer.decode(codesTensorFromBlock(block));
  };

  const tokenizer = createModalityTokenizer<ImageSource, import('../image/types.js').RgbImage, 'image'>({
    modality: 'image',
    codeSpace,
    async encode(input, options = {}) {
      return encodePixels(await pixels(input), options);
    },
    async decode(block, options = {}) {
      if (block?.modality !== 'image') throw new InvalidArgumentError({ argument: 'block.modality', expected: "'image'", received: block?.modality });
      checkTokenBlock(block, codeSpace);
      parts.checkBlock?.(block);
      const padding = readPadding(block.meta);
      const feed = parts.decoderFeed?.(block, quantizer) ?? decodeLatents(block);
      options.signal?.throwIfAborted();
      const output = firstOutput(await decoder.run({ [decoder.inputNames[0]!]: feed }, { signal: options.signal }), decoder, 'decoder');
      return postprocessor.run(output, { padding });
    },
    dispose: parts.release,
  });

  return Object.assign(tokenizer, {
    manifest,
    preprocessor,
    postprocessor,
    canEncode: encoder !== undefined && quantizer !== undefined,
    async encodeBatch(inputs: readonly ImageSource[], options: import('./image-tokenizer.js').EncodeBatchOptions = {}) {
      if (!Array.isArray(inputs)) throw new InvalidArgumentError({ argument: 'inputs', expected: 'an array of images', received: inputs });
      const blocks: TokenBlock<'image'>[] = [];
      for (const [i, input] of inputs.entries()) {
        options.signal?.throwIfAborted();
        blocks.push(await tokenizer.encode(input, options));
        options.onProgress?.({ done: i + 1, total: inputs.length });
      }
      return blocks;
    },
    encodeLatents: (latents: Tensor<'float32'>, options: TokenizeCallOptions = {}) => quantize(latents, {}, options),
    decodeLatents,
  }) as ImageTokenizer;
}
