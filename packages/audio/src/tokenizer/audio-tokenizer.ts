import type { Manifest, ModalityTokenizer, TokenBlock, TokenizeCallOptions } from '@jointok/core';
import type { AudioSignal } from '../signal/audio-signal.js';
import type { NoiseOption } from './noise.js';

/**
 * What an audio tokenizer encodes: decoded audio (`AudioSignal`), or whatever the package entry's
 * `readAudio` reads (encoded bytes everywhere; a path or `file:` URL in Node; a `Blob` or `AudioBuffer` in
 * browsers).
 */
export type AudioSource = AudioSignal | Uint8Array | ArrayBuffer | string | URL | Blob | object;

/** A chunk of a long signal for `streamEncode`: decoded audio (any rate, any channel count, the same for every chunk). */
export type AudioChunk = AudioSignal;

/** Options of `decode`. */
export interface AudioDecodeOptions extends TokenizeCallOptions {
  /**
   * SNAC only (its decoder adds noise in every block): `'zeros'` (the default; reproducible, the goldens'
   * setting), `{ seed }` for seeded unit Gaussian noise, or a function giving each noise input's samples.
   * Overrides the `familyOptions.noise` the tokenizer was loaded with. See the package README.
   */
  noise?: NoiseOption;
}

/** Options of `streamEncode`. */
export interface StreamEncodeOptions extends TokenizeCallOptions {
  /**
   * Base frames of context on each side of every window (left only for causal codecs), rounded up to the
   * codec's frame alignment. Default: the family's receptive field (see the README's streaming table).
   */
  contextFrames?: number;
  /** Base frames each emitted block holds (the last may hold fewer). Default: about 30 s, at least twice the context. */
  blockFrames?: number;
}

/** Options of `streamDecode`. */
export interface StreamDecodeOptions extends AudioDecodeOptions {
  /**
   * `'exact'` (default): overlapping windows with the family's context on each side, so the audio equals
   * whole-signal decoding wherever the decoder's receptive field is finite. `'windowed'`: the streamers of
   * generation (Orpheus): each arriving frame group is decoded in a window of the last `windowFrames`
   * groups and one group of audio is emitted (see {@link WindowedDecodeSettings}).
   */
  mode?: 'exact' | 'windowed';
  /** `'exact'` mode: base frames of context on each side of every window. Default: the family's. */
  contextFrames?: number;
  /** `'windowed'` mode settings; defaults are Orpheus TTS' streamer. */
  window?: WindowedDecodeSettings;
}

/**
 * The windowed streaming decode of generation. A frame group is the codec's coarsest step (SNAC 24 kHz: 4
 * base frames, the 7 codes of an Orpheus frame; other codecs: one frame). Orpheus TTS' `tokens_decoder`
 * decodes the last 4 groups whenever one arrives and plays the second (`audio_hat[:, :, 2048:4096]`), so
 * every played group has 1 group of left and 2 of right context.
 */
export interface WindowedDecodeSettings {
  /** Groups decoded per window. Default 4. */
  groups?: number;
  /** Which group of the window is emitted (0-based). Default 1. */
  emit?: number;
  /**
   * `'keep'` (default): the first window also emits the groups before `emit`, and the end of the stream the
   * groups after it, so the audio is as long as whole-signal decoding. `'drop'`: only the `emit` group of
   * each full window, as the reference streamer plays (its first group and last two are never played).
   */
  edges?: 'keep' | 'drop';
}

/**
 * A tokenizer of audio into a codec's discrete codes and back: the codec's own preprocessing (channel
 * mixing, resampling that matches its reference, padding), its ONNX encoder and core's quantizer (or codes
 * computed in the graph, for onnx-community folders), and the way back through the decoder. Blocks hold
 * the codec's codebooks in the reference's order: `[codebooks, frames]`, or for multi-rate codecs (SNAC)
 * the streams concatenated in one flat `[tokens]` block, coarse first. `meta` holds what `decode` needs:
 * `sampleRate`, `samples` (the input's length at the codec's rate, for trimming), `family`.
 */
export interface AudioTokenizer extends ModalityTokenizer<AudioSource, AudioSignal, 'audio'> {
  /** The family that runs it (`snac`, `dac`, `encodec`, `mimi`, `wavtokenizer`, `mu-law`). */
  readonly family: string;
  /** The model repository's manifest (built in memory for μ-law without a folder and for onnx-community folders). */
  readonly manifest: Manifest;
  /** The codec's sample rate: what `encode` resamples to and what `decode` returns. */
  readonly sampleRate: number;
  /** Samples per base frame (hop length); 1 for μ-law. */
  readonly hopLength: number;
  /** Whether this tokenizer can encode (a folder may hold only a decoder). */
  readonly canEncode: boolean;
  encode(input: AudioSource, options?: TokenizeCallOptions): Promise<TokenBlock<'audio'>>;
  decode(block: TokenBlock<'audio'>, options?: AudioDecodeOptions): Promise<AudioSignal>;
  /**
   * Encodes a long signal chunk by chunk with bounded memory: windows of `blockFrames` frames with
   * `contextFrames` of context, one block per window. The blocks joined (`concatAudioBlocks`) equal
   * `encode` of the whole signal for codecs of finite receptive field (up to float near-ties); see the README.
   */
  streamEncode(chunks: AsyncIterable<AudioChunk> | Iterable<AudioChunk>, options?: StreamEncodeOptions): AsyncGenerator<TokenBlock<'audio'>, void, undefined>;
  /** Decodes blocks as they arrive (each a whole number of frame groups) into audio chunks with bounded memory. */
  streamDecode(blocks: AsyncIterable<TokenBlock<'audio'>> | Iterable<TokenBlock<'audio'>>, options?: StreamDecodeOptions): AsyncGenerator<AudioSignal, void, undefined>;
}
