import { InvalidArgumentError, streamCodes as coreStreamCodes, type TokenBlock } from '@jointok/core';
import type { AudioSignal } from '../signal/audio-signal.js';
import type { StreamDecodeOptions } from '../tokenizer/audio-tokenizer.js';
import { checkAudioBlock } from '../tokenizer/check-audio-block.js';
import { readNoiseOption } from '../tokenizer/noise.js';
import { createGrowableBuffer, type GrowableBuffer } from './growable-buffer.js';
import { groupFrames, roundUp, type StreamContext } from './stream-context.js';
import { windowedDecode } from './windowed-decode.js';

/** The error for fewer frames than a decoder takes. */
export function tooShort(frames: number, minimum: number, argument: string): InvalidArgumentError {
  return new InvalidArgumentError({ argument, expected: `at least ${minimum} frames (the decoder's shortest input)`, received: `${frames} frames` });
}

/** Longest stretch decoded in one window, in seconds (bounds memory when blocks arrive in large pieces). */
const MAX_WINDOW_SECONDS = 30;

/** Per-stream code buffers addressed by base frame. */
export interface FrameCodes {
  /** Base frames received. */
  readonly frames: number;
  /** Appends a block's streams. */
  append(streams: readonly Int32Array[]): void;
  /** Codes of frames `[from, to)` per stream. */
  slice(from: number, to: number): Int32Array[];
  dropBefore(frame: number): void;
}

/** Buffers codes of a code space frame by frame (each stream at its stride). */
export function createFrameCodes(strides: readonly number[]): FrameCodes {
  const buffers: GrowableBuffer<Int32Array>[] = strides.map(() => createGrowableBuffer<Int32Array>((n) => new Int32Array(n)));
  return {
    get frames() {
      return buffers[0]!.end * strides[0]!;
    },
    append(streams) {
      streams.forEach((codes, i) => buffers[i]!.append(codes));
    },
    slice: (from, to) => buffers.map((b, i) => b.slice(from / strides[i]!, to / strides[i]!)),
    dropBefore(frame) {
      buffers.forEach((b, i) => b.dropBefore(frame / strides[i]!));
    },
  };
}

/** Reads blocks one by one, checked against the tokenizer, with the running sample count of their `meta.samples`. */
export async function* checkedBlocks(context: StreamContext, blocks: AsyncIterable<TokenBlock<'audio'>> | Iterable<TokenBlock<'audio'>>, group: number): AsyncGenerator<{ streams: Int32Array[]; samples: number | undefined }> {
  if (blocks === null || typeof blocks !== 'object' || !(Symbol.asyncIterator in blocks || Symbol.iterator in blocks)) {
    throw new InvalidArgumentError({ argument: 'blocks', expected: 'an async iterable (or iterable) of TokenBlocks', received: blocks });
  }
  let index = 0;
  for await (const block of blocks as AsyncIterable<TokenBlock<'audio'>>) {
    checkAudioBlock(block, context.owner, `blocks[${index}]`);
    const streams = coreStreamCodes(block, context.codeSpace);
    const frames = streams[0]!.length * (context.codeSpace.streams[0]!.stride ?? 1);
    if (frames % group !== 0) throw new InvalidArgumentError({ argument: `blocks[${index}]`, expected: `whole groups of ${group} base frames`, received: `${frames} frames` });
    yield { streams, samples: block.meta.samples as number | undefined };
    index++;
  }
}

/**
 * The streaming decoder (see `AudioTokenizer.streamDecode`). `'exact'`: codes are held until a window has
 * `right` frames of context after the frames to emit; each window decodes `left + payload + right` frames
 * and emits the payload's samples, so the audio equals whole-signal decoding where the decoder's receptive
 * field is inside the context. The output is trimmed to the blocks' `meta.samples` when every block has one.
 */
export async function* streamDecode(context: StreamContext, blocks: AsyncIterable<TokenBlock<'audio'>> | Iterable<TokenBlock<'audio'>>, options: StreamDecodeOptions): AsyncGenerator<AudioSignal, void, undefined> {
  context.checkOpen('streamDecode');
  const mode = options.mode ?? 'exact';
  if (mode === 'windowed') {
    yield* windowedDecode(context, blocks, options);
    return;
  }
  if (mode !== 'exact') throw new InvalidArgumentError({ argument: 'options.mode', expected: "'exact' or 'windowed'", received: mode });
  const { codec, codeSpace } = context;
  const hop = codec.hopLength;
  const group = groupFrames(codeSpace, codec.alignFrames);
  const contextFrames = options.contextFrames;
  if (contextFrames !== undefined && (!Number.isSafeInteger(contextFrames) || contextFrames < 0)) throw new InvalidArgumentError({ argument: 'options.contextFrames', expected: 'an integer ≥ 0 (base frames)', received: contextFrames });
  const left = roundUp(contextFrames ?? codec.streaming.decoder.left, group);
  const right = roundUp(contextFrames ?? codec.streaming.decoder.right, group);
  const maxPayload = Math.max(group, roundUp(Math.round((MAX_WINDOW_SECONDS * codec.sampleRate) / hop), group));
  const noise = options.noise === undefined ? context.defaultNoise : readNoiseOption(options.noise, 'options.noise');
  const codes = createFrameCodes(codeSpace.streams.map((s) => s.stride ?? 1));
  let done = 0; // frames emitted
  let total: number | undefined = 0; // samples the blocks say they hold
  let emitted = 0; // samples emitted

  // Codes kept behind a window: its left context, and enough for the decoder's shortest input.
  const reach = Math.max(left, codec.minFrames);
  const decodeWindow = async (from: number, to: number, last: boolean): Promise<AudioSignal> => {
    options.signal?.throwIfAborted();
    context.checkOpen('streamDecode');
    const end = last ? codes.frames : Math.min(codes.frames, to + right);
    const first = Math.max(0, Math.min(from - left, end - codec.minFrames));
    const audio = await codec.decode(codes.slice(first, end), end - first, { startFrame: first, noise, ...(options.signal === undefined ? {} : { signal: options.signal }) });
    const start = (from - first) * hop;
    let stop = last ? audio.length : Math.min(audio.length, (to - first) * hop);
    // The blocks received so far hold `total` samples: the padding of the signal's end is never played.
    if (total !== undefined) stop = Math.max(start, Math.min(stop, start + total - emitted));
    codes.dropBefore(Math.max(0, to - reach));
    emitted += stop - start;
    return { sampleRate: codec.sampleRate, channels: [audio.slice(start, stop)] };
  };

  for await (const { streams, samples } of checkedBlocks(context, blocks, group)) {
    codes.append(streams);
    total = total === undefined || samples === undefined ? undefined : total + samples;
    for (;;) {
      const ready = Math.floor((codes.frames - right - done) / group) * group;
      // Decoders with a minimum length (EnCodec: 7 frames) wait until the window has it.
      if (ready < group || codes.frames < codec.minFrames) break;
      const payload = Math.min(ready, maxPayload);
      yield await decodeWindow(done, done + payload, false);
      done += payload;
    }
  }
  if (codes.frames > 0 && codes.frames < codec.minFrames) throw tooShort(codes.frames, codec.minFrames, 'blocks');
  while (done < codes.frames) {
    const to = Math.min(done + maxPayload, codes.frames);
    yield await decodeWindow(done, to, to === codes.frames);
    done = to;
  }
}
