import type { Manifest, ModalityTokenizer, Tensor, TokenBlock, TokenizeCallOptions } from '@jointok/core';
import type { Image8, RgbImage } from '../image/types.js';
import type { Postprocessor } from '../recipes/postprocessor.js';
import type { Preprocessor } from '../recipes/preprocessor.js';

/**
 * What an image tokenizer encodes: decoded pixels (`RgbImage`, `RgbaImage`, grayscale), or whatever the
 * package entry's `readImage` reads (PNG/JPEG bytes everywhere, a path in Node, a `Blob` or DOM image
 * in browsers).
 */
export type ImageSource = Image8 | ArrayBuffer | ArrayBufferView | string | URL | Blob | object;

/** Options of `encodeBatch`. */
export interface EncodeBatchOptions extends TokenizeCallOptions {
  /** Called after each image with how many are done. */
  onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
}

/**
 * A tokenizer of images into discrete codes and back: the model's own preprocessing (Pillow-exact), its
 * ONNX encoder, the quantizer (bit-exact with the reference, in TypeScript), and the way back through the
 * quantizer's codebook, the ONNX decoder and the model's postprocessing. Blocks are `[h, w]` grids (`[n]`
 * for 1-D tokenizers, `[streams, h, w]` for factorized codes), with the input's size and any padding in
 * `meta` so that `decode` gives back an image of the input's size.
 */
export interface ImageTokenizer extends ModalityTokenizer<ImageSource, RgbImage, 'image'> {
  /** The model repository's manifest. */
  readonly manifest: Manifest;
  /** The model's preprocessing recipe. */
  readonly preprocessor: Preprocessor;
  readonly postprocessor: Postprocessor;
  /** Whether this tokenizer can encode (some published folders hold only a decoder, e.g. Janus'). */
  readonly canEncode: boolean;
  encode(input: ImageSource, options?: TokenizeCallOptions): Promise<TokenBlock<'image'>>;
  decode(block: TokenBlock<'image'>, options?: TokenizeCallOptions): Promise<RgbImage>;
  /** Encodes many images; images of one preprocessed size share encoder runs where the graph allows. */
  encodeBatch(inputs: readonly ImageSource[], options?: EncodeBatchOptions): Promise<TokenBlock<'image'>[]>;
  /** Quantizes latents you computed yourself (the encoder's output layout) into a block. */
  encodeLatents(latents: Tensor<'float32'>, options?: TokenizeCallOptions): Promise<TokenBlock<'image'>>;
  /** The quantized latents of a block (the decoder's input), without running the decoder. */
  decodeLatents(block: TokenBlock<'image'>): Tensor<'float32'>;
}
