import {
  checkTokenBlock,
  createModalityTokenizer,
  DisposedError,
  InvalidArgumentError,
  ShapeMismatchError,
  toFloat32,
  type CodeSpace,
  type Manifest,
  type Quantizer,
  type Session,
  type Tensor,
  type TokenBlock,
  type TokenizeCallOptions,
} from '@jointok/core';
import type { Padding, Postprocessor, Preprocessor, RgbImage } from '@jointok/image';
import { planWindow, readWindows, windowsOfLatents, type TemporalChunking, type TemporalWindow } from '../chunking/temporal-windows.js';
import { CodesBuffer } from './codes-buffer.js';
import { framesOf, type VideoReader } from './frame-source.js';
import type { VideoEncodeOptions, VideoSource, VideoTokenizer } from './video-tokenizer.js';

/** The stages of a causal video tokenizer that encodes windows of frames (Cosmos DV). */
export interface WindowedTokenizerParts {
  readonly manifest: Manifest;
  readonly codeSpace: CodeSpace;
  readonly chunking: TemporalChunking;
  /** Per-frame spatial preprocessing (`@jointok/image` recipe steps ending in `to-tensor`). */
  readonly preprocessor: Preprocessor;
  /** Per-frame postprocessing of the decoder's output (`to-uint8`, `crop-padding`). */
  readonly postprocessor: Postprocessor;
  readonly readVideo: VideoReader;
  /** Pixels `[1, 3, T, H, W]` → pre-quantization latents `[1, C, t, h, w]`. */
  readonly encoder: Session;
  /** Latents ↔ codes `[1, t, h, w]`. */
  readonly quantizer: Quantizer;
  /** Quantized latents `[1, C, t, h, w]` → pixels `[1, 3, T, H, W]`. */
  readonly decoder: Session;
  readonly release: () => Promise<void>;
}

/** The padding a block's `meta.frameMeta.padding` records, checked. */
function readPadding(value: unknown): Padding | undefined {
  if (value === undefined) return undefined;
  const fields = ['top', 'left', 'bottom', 'right', 'width', 'height'] as const;
  const record = value as Record<string, unknown> | null;
  if (typeof record !== 'object' || record === null || fields.some((f) => !Number.isSafeInteger(record[f]) || (record[f] as number) < 0)) {
    throw new InvalidArgumentError({ argument: 'block.meta.frameMeta.padding', expected: '{ top, left, bottom, right, width, height } of non-negative integers', received: value });
  }
  return record as unknown as Padding;
}

function firstOutput(outputs: Record<string, Tensor>, session: Session, what: string): Tensor<'float32'> {
  const tensor = outputs[session.outputNames[0]!];
  if (tensor === undefined) throw new ShapeMismatchError({ argument: `${what} output`, expected: `an output named ${session.outputNames[0]}`, received: Object.keys(outputs).length });
  return tensor.type === 'float32' ? (tensor as Tensor<'float32'>) : toFloat32(tensor, `${what} output`);
}

/** `[1, 3, T, H, W]` from per-frame `[3, H, W]` planes, the first and last repeated as the window says. */
function windowTensor(frames: readonly Float32Array[], window: TemporalWindow, height: number, width: number): Tensor<'float32'> {
  const plane = height * width;
  const total = window.padFront + frames.length + window.padBack;
  const data = new Float32Array(3 * total * plane);
  for (let t = 0; t < total; t++) {
    const source = frames[Math.min(frames.length - 1, Math.max(0, t - window.padFront))]!;
    for (let c = 0; c < 3; c++) data.set(source.subarray(c * plane, (c + 1) * plane), (c * total + t) * plane);
  }
  return { type: 'float32', dims: [1, 3, total, height, width], data };
}

/** Frame `t` of a `[1, 3, T, H, W]` tensor as `[1, 3, H, W]`. */
function frameOf(pixels: Tensor<'float32'>, t: number): Tensor<'float32'> {
  const [, channels = 3, total = 1, height = 1, width = 1] = pixels.dims;
  const plane = height * width;
  const data = new Float32Array(channels * plane);
  for (let c = 0; c < channels; c++) data.set(pixels.data.subarray((c * total + t) * plane, (c * total + t + 1) * plane), c * plane);
  return { type: 'float32', dims: [1, channels, height, width], data };
}

/**
 * A causal video tokenizer run window by window (Cosmos DV): frames are preprocessed one by one with the
 * model's image recipe, gathered into windows of `chunking.window` frames, each padded in time as the
 * chunking says, encoded and quantized, and the windows' codes concatenated along time (overlap-free).
 * Only one window of frames is held. Decoding splits the block by the windows in `meta` (or, for blocks
 * parsed from ids, by full windows), decodes each, crops the time padding and postprocesses each frame.
 */
export function createWindowedTokenizer(parts: WindowedTokenizerParts): VideoTokenizer {
  const { manifest, codeSpace, chunking, preprocessor, postprocessor, encoder, decoder, quantizer } = parts;
  const t = chunking.temporalCompression;

  const encodeWindow = async (frames: Float32Array[], height: number, width: number, codes: CodesBuffer, signal?: AbortSignal): Promise<{ window: TemporalWindow; shape: number[] }> => {
    const window = planWindow(frames.length, chunking);
    const pixels = windowTensor(frames, window, height, width);
    signal?.throwIfAborted();
    const latents = firstOutput(await encoder.run({ [encoder.inputNames[0]!]: pixels }, { signal }), encoder, 'encoder');
    const quantized = await quantizer.encodeAsync(latents, signal === undefined ? {} : { signal });
    const shape = quantized.dims.slice(1);
    if (quantized.dims[0] !== 1 || shape.length !== 3 || shape[0] !== window.latentFrames) {
      throw new ShapeMismatchError({ argument: 'codes', expected: `[1, ${window.latentFrames}, h, w] for a window of ${frames.length} frames`, received: quantized.dims });
    }
    codes.push(quantized.type === 'int32' ? (quantized.data as Int32Array) : Int32Array.from(quantized.data as BigInt64Array, Number));
    return { window, shape };
  };

  const encode = async (clip: VideoSource, options: VideoEncodeOptions = {}): Promise<TokenBlock<'video'>> => {
    const codes = new CodesBuffer();
    const windows: TemporalWindow[] = [];
    let pending: Float32Array[] = [];
    let size: { width: number; height: number; tensorHeight: number; tensorWidth: number } | undefined;
    let frameMeta: Record<string, unknown> = {};
    let latentShape: number[] | undefined;
    let frames = 0;
    const flush = async () => {
      const { window, shape } = await encodeWindow(pending, size!.tensorHeight, size!.tensorWidth, codes, options.signal);
      if (latentShape !== undefined && (shape[1] !== latentShape[1] || shape[2] !== latentShape[2])) throw new ShapeMismatchError({ argument: 'codes', expected: `windows of one latent size`, received: shape });
      latentShape = shape;
      windows.push(window);
      pending = [];
      options.onProgress?.({ frames });
    };
    for await (const frame of framesOf(clip, parts.readVideo, options)) {
      const { tensor, padding } = preprocessor.run(frame);
      const [, , tensorHeight = 0, tensorWidth = 0] = tensor.dims;
      if (size === undefined) {
        size = { width: frame.width, height: frame.height, tensorHeight, tensorWidth };
        frameMeta = { width: frame.width, height: frame.height, ...(padding === undefined ? {} : { padding }) };
      } else if (frame.width !== size.width || frame.height !== size.height) {
        throw new ShapeMismatchError({ argument: `clip frame ${frames}`, expected: `a ${size.width}x${size.height} frame like frame 0`, received: [frame.height, frame.width] });
      }
      pending.push(tensor.data);
      frames++;
      if (pending.length === chunking.window) await flush();
    }
    if (size === undefined) throw new InvalidArgumentError({ argument: 'clip', expected: 'at least one frame', received: 'an empty clip' });
    if (pending.length > 0) await flush();
    const latentFrames = windows.reduce((n, w) => n + w.latentFrames, 0);
    return { modality: 'video', codes: codes.toArray(), shape: [latentFrames, latentShape![1]!, latentShape![2]!], meta: { frames, windows, frameMeta } };
  };

  let disposed = false;
  async function* decodeFrames(block: TokenBlock<'video'>, options: TokenizeCallOptions = {}): AsyncGenerator<RgbImage> {
    if (disposed) throw new DisposedError({ resource: 'video tokenizer', operation: 'decodeFrames' });
    if (block?.modality !== 'video') throw new InvalidArgumentError({ argument: 'block.modality', expected: "'video'", received: block?.modality });
    checkTokenBlock(block, codeSpace);
    const [latentFrames = 0, h = 0, w = 0] = block.shape;
    const windows = readWindows(block.meta.windows, latentFrames) ?? windowsOfLatents(latentFrames, chunking);
    const frameMeta = (block.meta.frameMeta ?? {}) as Record<string, unknown>;
    const padding = readPadding(frameMeta.padding);
    let offset = 0;
    for (const window of windows) {
      options.signal?.throwIfAborted();
      const size = window.latentFrames * h * w;
      const codes: Tensor<'int32'> = { type: 'int32', dims: [1, window.latentFrames, h, w], data: block.codes.slice(offset, offset + size) };
      offset += size;
      const latents = quantizer.decode(codes);
      const pixels = firstOutput(await decoder.run({ [decoder.inputNames[0]!]: latents }, { signal: options.signal }), decoder, 'decoder');
      const expected = 1 + (window.latentFrames - 1) * t;
      if (pixels.dims.length !== 5 || pixels.dims[2] !== expected) throw new ShapeMismatchError({ argument: 'decoder output', expected: `[1, 3, ${expected}, H, W]`, received: pixels.dims });
      for (let f = 0; f < window.frames; f++) yield postprocessor.run(frameOf(pixels, window.padFront + f), padding === undefined ? {} : { padding });
    }
  }

  const decode = async (block: TokenBlock<'video'>, options: TokenizeCallOptions = {}): Promise<RgbImage[]> => {
    const frames: RgbImage[] = [];
    for await (const frame of decodeFrames(block, options)) frames.push(frame);
    return frames;
  };

  const release = () => {
    disposed = true;
    return parts.release();
  };
  const tokenizer = createModalityTokenizer<VideoSource, RgbImage[], 'video'>({ modality: 'video', codeSpace, encode, decode, dispose: release });
  return Object.assign(tokenizer, { manifest, temporalCompression: t, decodeFrames }) as VideoTokenizer;
}
