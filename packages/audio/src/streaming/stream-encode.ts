import { InvalidArgumentError, UnsupportedError, type TokenBlock } from '@jointok/core';
import { createStreamingPreprocessor } from '../preprocess/create-streaming-preprocessor.js';
import { tokenBlockFromStreams } from '../tokenizer/audio-blocks.js';
import type { AudioChunk, StreamEncodeOptions } from '../tokenizer/audio-tokenizer.js';
import { checkTokenizerAudio } from '../tokenizer/read-audio-source.js';
import { createGrowableBuffer } from './growable-buffer.js';
import { groupFrames, roundUp, sliceStreams, type StreamContext } from './stream-context.js';

/** Seconds of audio per emitted block by default. */
const DEFAULT_BLOCK_SECONDS = 30;

function checkFrames(value: unknown, argument: string, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || (value as number) < minimum) throw new InvalidArgumentError({ argument, expected: `an integer ≥ ${minimum} (base frames)`, received: value });
  return value as number;
}

/**
 * The streaming encoder (see `AudioTokenizer.streamEncode`). Samples are mixed and resampled as they
 * arrive (the streaming resampler equals the whole-signal one bit for bit), held until a window of
 * `left + blockFrames + right` frames is complete, encoded, and only the middle `blockFrames` frames are
 * kept: their codes do not see the window's edges when the context covers the encoder's receptive field.
 * Windows start on multiples of the codec's frame group, and the last one ends at the signal's end padded as
 * `encode` pads it, so the first and last frames equal whole-signal encoding too. Memory: one window.
 */
export async function* streamEncode(context: StreamContext, chunks: AsyncIterable<AudioChunk> | Iterable<AudioChunk>, options: StreamEncodeOptions): AsyncGenerator<TokenBlock<'audio'>, void, undefined> {
  context.checkOpen('streamEncode');
  const { codec, codeSpace, family } = context;
  if (!codec.canEncode) throw new UnsupportedError({ feature: `encoding with ${family}`, message: `This ${family} repository holds only a decoder; encode with the tokenizer whose codes it decodes.` });
  if (chunks === null || typeof chunks !== 'object' || !(Symbol.asyncIterator in chunks || Symbol.iterator in chunks)) {
    throw new InvalidArgumentError({ argument: 'chunks', expected: 'an async iterable (or iterable) of AudioSignal chunks', received: chunks });
  }
  const hop = codec.hopLength;
  const group = groupFrames(codeSpace, codec.alignFrames);
  const contextFrames = checkFrames(options.contextFrames, 'options.contextFrames', 0);
  const left = roundUp(contextFrames ?? codec.streaming.encoder.left, group);
  const right = roundUp(contextFrames ?? codec.streaming.encoder.right, group);
  const defaultBlock = Math.max(Math.round((DEFAULT_BLOCK_SECONDS * codec.sampleRate) / hop), 2 * Math.max(left, right));
  const blockFrames = roundUp(checkFrames(options.blockFrames, 'options.blockFrames', 1) ?? defaultBlock, group);
  const signal = options.signal;
  const buffer = createGrowableBuffer<Float32Array>((n) => new Float32Array(n));
  const preprocessor = createStreamingPreprocessor(context.preprocessing);
  let done = 0; // frames emitted

  /** Encodes frames `[from, to)`; `end` is the signal's length when the window reaches it. */
  const encodeWindow = async (from: number, to: number, end: number | undefined): Promise<TokenBlock<'audio'>> => {
    signal?.throwIfAborted();
    context.checkOpen('streamEncode');
    const first = Math.max(0, from - left);
    let samples: Float32Array;
    if (end === undefined) samples = buffer.slice(first * hop, (to + right) * hop);
    else {
      // The tail, padded as `encode` pads the whole signal (same length mod the multiple, as first·hop is a multiple).
      const tail = buffer.slice(first * hop, end);
      samples = new Float32Array(roundUp(tail.length, codec.padMultiple));
      samples.set(tail);
    }
    const streams = await codec.encode(samples, signal === undefined ? {} : { signal });
    const kept = sliceStreams(streams, codeSpace, first, from, to);
    const covered = Math.min(to * hop, end ?? Number.POSITIVE_INFINITY) - from * hop;
    buffer.dropBefore(Math.max(0, to - left) * hop);
    return tokenBlockFromStreams(kept, codeSpace, { family, sampleRate: codec.sampleRate, samples: covered, startFrame: from });
  };

  for await (const chunk of chunks as AsyncIterable<AudioChunk>) {
    checkTokenizerAudio(chunk, 'chunk');
    buffer.append(preprocessor.push(chunk));
    while (buffer.end >= (done + blockFrames + right) * hop) {
      yield await encodeWindow(done, done + blockFrames, undefined);
      done += blockFrames;
    }
  }
  buffer.append(preprocessor.end());
  const total = buffer.end;
  if (total === 0) throw new InvalidArgumentError({ argument: 'chunks', expected: 'at least one sample', received: 'no samples' });
  if (total < codec.minSamples) throw new InvalidArgumentError({ argument: 'chunks', expected: `at least ${codec.minSamples} samples at ${codec.sampleRate} Hz`, received: `${total} samples` });
  const totalFrames = codec.frames(roundUp(total, codec.padMultiple));
  while (done < totalFrames) {
    const to = Math.min(done + blockFrames, totalFrames);
    // A window that ends before the signal's end still has its right context in the buffer.
    const reachesEnd = (to + right) * hop >= total;
    yield await encodeWindow(done, to, reachesEnd ? total : undefined);
    done = to;
  }
}
