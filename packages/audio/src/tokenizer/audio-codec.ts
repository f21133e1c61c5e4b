import type { CodeSpace } from '@jointok/core';
import type { NoiseOption } from './noise.js';

/** Base frames of context a window needs on each side for its middle to equal whole-signal processing. */
export interface FrameContext {
  readonly left: number;
  readonly right: number;
}

/** How a codec streams: the receptive fields of its graphs, in base frames. */
export interface CodecStreaming {
  readonly encoder: FrameContext;
  readonly decoder: FrameContext;
  /**
   * True when those contexts cover the receptive field, so windowed results equal whole-signal ones (up to
   * float rounding); false for codecs with recurrent state or global attention (EnCodec's and
   * WavTokenizer's LSTMs, WavTokenizer's attention), where the contexts only make the seams small.
   */
  readonly exact: boolean;
}

/** Options of one codec run. */
export interface CodecRunOptions {
  readonly signal?: AbortSignal;
}

/** Options of one decoder run. */
export interface CodecDecodeOptions extends CodecRunOptions {
  /** The base frame of the first code, in the whole signal (position-dependent inputs such as SNAC's seeded noise). */
  readonly startFrame: number;
  readonly noise?: NoiseOption;
}

/**
 * The model stage of an audio tokenizer: mono samples at the codec's rate ↔ one code array per stream. The
 * tokenizer around it reads, mixes, resamples, pads, builds blocks and streams; families build the codec
 * from a repository (ONNX graphs and core's quantizer), μ-law from its formula.
 */
export interface AudioCodec {
  readonly sampleRate: number;
  /** Samples per base frame. */
  readonly hopLength: number;
  /** Inputs are zero-padded on the right to a multiple of this many samples (1: none). */
  readonly padMultiple: number;
  /** Windows start on multiples of this many base frames (SNAC: its coarsest stride, or the attention window). */
  readonly alignFrames: number;
  /** The fewest samples the encoder takes (see `preprocessing.minSamples`). */
  readonly minSamples: number;
  /** The fewest frames the decoder takes (`config.minFrames`; EnCodec's reflect padding needs 7). */
  readonly minFrames: number;
  readonly codeSpace: CodeSpace;
  readonly canEncode: boolean;
  readonly streaming: CodecStreaming;
  /** Base frames for `samples` input samples (after padding): `ceil(samples / hopLength)`. */
  frames(samples: number): number;
  /** Samples (already padded) → codes, one Int32Array per stream of the code space. */
  encode(samples: Float32Array, options: CodecRunOptions): Promise<Int32Array[]>;
  /** Codes of `frames` base frames, one array per stream → samples (`frames · hopLength`, fewer for some decoders). */
  decode(streams: readonly Int32Array[], frames: number, options: CodecDecodeOptions): Promise<Float32Array>;
  release(): Promise<void>;
}
