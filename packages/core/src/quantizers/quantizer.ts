import type { Tensor } from '../tensor/tensor.js';
import type { AsyncNearestSearch } from './search/async-nearest-search.js';
import type { EncodeSteps } from './search/encode-steps.js';

/**
 * A quantizer described as data: `{ "type": "fsq", "levels": [8, 8, 8, 5, 5, 5] }`.
 * `type` picks the family; the other fields are the family's settings, plus the layout
 * fields of {@link QuantizerLayoutSpec} that every family accepts.
 */
export interface QuantizerSpec extends QuantizerLayoutSpec {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** Where the channel (feature) axis of a latent tensor is: axis 1 (`[B, C, ...]`) or the last axis. */
export type ChannelAxis = 'first' | 'last';

/**
 * How codes are laid out in the tensor that `encode` returns, for a quantizer with S codes per
 * vector (S = residual stages, codebooks or groups). `B, ...` are the batch and spatial axes of the input.
 * - `tokens-streams`: `[B, ..., S]`; the S axis is dropped when S = 1 (lucidrains, most references).
 * - `streams-after-batch`: `[B, S, ...]` (DAC, Cosmos residual FSQ, lucidrains channel-first RFSQ).
 * - `streams-first`: `[S, B, ...]` (EnCodec).
 * - `flat`: `[B·...·S]`, one flat vector (LlamaGen, Open-MAGVIT2).
 */
export type IndexLayout = 'tokens-streams' | 'streams-after-batch' | 'streams-first' | 'flat';

/** Layout fields that every quantizer spec accepts. */
export interface QuantizerLayoutSpec {
  /** Channel axis of `encode`'s input; default `'last'`. */
  readonly channelAxis?: ChannelAxis;
  /** Channel axis of `decode`'s output; default: `channelAxis`. */
  readonly decodeChannelAxis?: ChannelAxis;
  /** Layout of the codes tensor; default `'tokens-streams'`. */
  readonly indexLayout?: IndexLayout;
  /** With `tokens-streams`, keep a trailing S axis of size 1; default false. */
  readonly keepStreamAxis?: boolean;
}

/**
 * Named weights, keyed by the reference implementation's parameter names
 * (`codebook`, `project_in.weight`, `quantizers.0.in_proj.weight_v`, ...).
 */
export type QuantizerWeights = Readonly<Record<string, Tensor<'float32'> | Float32Array>>;

/** Codes of a batch of vectors, `[count, numCodebooks]` row-major. Float64Array only when codes exceed int32. */
export type CodeArray = Int32Array | Float64Array;

/** Options of `encode` and `encodeVectors`. */
export interface QuantizerEncodeOptions {
  /** Overrides the spec's `channelAxis` for this call. */
  channelAxis?: ChannelAxis;
  /** Residual families: quantize with the first `numQuantizers` stages only. */
  numQuantizers?: number;
}

/** Options of `encodeAsync`. */
export interface QuantizerEncodeAsyncOptions extends QuantizerEncodeOptions {
  /**
   * Where this call's codebook searches run; default: the quantizer's `nearestSearch` (see
   * {@link QuantizerOptions}). The codes are the same on every search; only the speed differs.
   */
  nearestSearch?: AsyncNearestSearch;
  /** Aborts between codebook searches; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Options of `createQuantizer` (and of the families' factories) that are not part of the spec. */
export interface QuantizerOptions {
  /**
   * Where `encodeAsync` runs codebook searches by default. The runtime-neutral `createQuantizer`
   * uses the TypeScript search, and so does the browser entry (onnxruntime-web on one WASM thread is
   * slower than core's SIMD scan); the Node entry defaults to `defaultNearestSearch()`, which moves
   * searches of at least 2^27 multiply-adds (`count × codebookSize × dim`) to onnxruntime-node when it
   * is installed.
   * Families without a codebook search (FSQ, LFQ, BSQ) ignore it.
   */
  nearestSearch?: AsyncNearestSearch;
}

/** Options of `decode`. */
export interface QuantizerDecodeOptions {
  /** Overrides the spec's `decodeChannelAxis` for this call. */
  channelAxis?: ChannelAxis;
  /**
   * The batch and spatial shape (`[B, H, W]`) of the codes; required for the `flat` index layout,
   * where the codes tensor no longer carries it.
   */
  batchShape?: readonly number[];
}

/**
 * The layout-free core of a quantizer: it maps `count` latent vectors of `dim` channels
 * (channel-last, row-major) to `count × numCodebooks` codes and back. Families implement this;
 * {@link createLayoutQuantizer} adds tensor layouts.
 */
export interface VectorQuantizerKernel {
  /** Channels of one latent vector (the input dimension, before any projection). */
  readonly dim: number;
  /** Channels of a decoded vector; usually `dim`. */
  readonly outputDim: number;
  /** Codes per vector. */
  readonly numCodebooks: number;
  /** Codes lie in `[0, codebookSize)`. */
  readonly codebookSize: number;
  /**
   * Encodes `count` vectors; with `numQuantizers`, fewer codes per vector (`count × numQuantizers`).
   *
   * @throws NonFiniteValueError for NaN or ±Infinity in `latents` (the first one is named)
   */
  encodeVectors(latents: Float32Array, count: number, options?: QuantizerEncodeOptions): CodeArray;
  /**
   * The same encode as a generator of codebook searches (see {@link EncodeSteps}); present on families
   * that search codebooks (VQ, residual VQ), so that `encodeAsync` can run the searches elsewhere.
   * Validates its arguments as `encodeVectors` does, on the first `next()`.
   */
  encodeSteps?(latents: Float32Array, count: number, options?: QuantizerEncodeOptions): EncodeSteps<CodeArray>;
  /** Decodes `count × k` codes (k ≤ numCodebooks for residual families) to `count × outputDim` floats. */
  decodeVectors(codes: CodeArray, count: number, codesPerVector: number): Float32Array;
}

/** A quantizer: latent tensors to integer codes and back, bit-exact with its reference family. */
export interface Quantizer extends VectorQuantizerKernel {
  readonly type: string;
  readonly spec: Readonly<QuantizerSpec>;
  /** Latent tensor → codes tensor in the spec's `indexLayout` (int32, or int64 past 2^31 codes). */
  encode(latents: Tensor<'float32'>, options?: QuantizerEncodeOptions): Tensor<'int32' | 'int64'>;
  /**
   * `encode`, with the codebook searches on `options.nearestSearch` (default: the quantizer's), e.g.
   * ONNX Runtime for large codebooks. Same codes as `encode`. Families without codebook searches
   * simply encode.
   */
  encodeAsync(latents: Tensor<'float32'>, options?: QuantizerEncodeAsyncOptions): Promise<Tensor<'int32' | 'int64'>>;
  /** Codes tensor (as `encode` returns it) → latent tensor in `decodeChannelAxis`. */
  decode(codes: Tensor<'int32' | 'int64'>, options?: QuantizerDecodeOptions): Tensor<'float32'>;
}
