import { InvalidArgumentError, type TokenBlock } from '@jointok/core';
import type { AudioSignal } from '../signal/audio-signal.js';
import type { StreamDecodeOptions } from '../tokenizer/audio-tokenizer.js';
import { readNoiseOption } from '../tokenizer/noise.js';
import { groupFrames, type StreamContext } from './stream-context.js';
import { checkedBlocks, createFrameCodes, tooShort } from './stream-decode.js';

function readSettings(options: StreamDecodeOptions): { groups: number; emit: number; edges: 'keep' | 'drop' } {
  const { groups = 4, emit = 1, edges = 'keep' } = options.window ?? {};
  if (!Number.isSafeInteger(groups) || groups < 1) throw new InvalidArgumentError({ argument: 'options.window.groups', expected: 'an integer ≥ 1', received: groups });
  if (!Number.isSafeInteger(emit) || emit < 0 || emit >= groups) throw new InvalidArgumentError({ argument: 'options.window.emit', expected: `an integer from 0 to ${groups - 1}`, received: emit });
  if (edges !== 'keep' && edges !== 'drop') throw new InvalidArgumentError({ argument: 'options.window.edges', expected: "'keep' or 'drop'", received: edges });
  return { groups, emit, edges };
}

/**
 * Orpheus-style streaming decode (`mode: 'windowed'`): as soon as group k arrives (k ≥ groups − 1), the
 * last `groups` groups are decoded and group `k − groups + 1 + emit` is emitted: Orpheus TTS'
 * `tokens_decoder` with its defaults (4 groups of 7 SNAC codes, `audio_hat[:, :, 2048:4096]`). Each window is
 * decoded on its own, so the audio differs from whole-signal decoding near every window's edges (the
 * README gives the measured difference); latency is `groups − emit − 1` groups plus one small decode.
 */
export async function* windowedDecode(context: StreamContext, blocks: AsyncIterable<TokenBlock<'audio'>> | Iterable<TokenBlock<'audio'>>, options: StreamDecodeOptions): AsyncGenerator<AudioSignal, void, undefined> {
  const { groups, emit, edges } = readSettings(options);
  const { codec, codeSpace } = context;
  const group = groupFrames(codeSpace, codec.alignFrames);
  const groupSamples = group * codec.hopLength;
  const windowFrames = groups * group;
  if (windowFrames < codec.minFrames) throw tooShort(windowFrames, codec.minFrames, 'options.window.groups');
  const noise = options.noise === undefined ? context.defaultNoise : readNoiseOption(options.noise, 'options.noise');
  const codes = createFrameCodes(codeSpace.streams.map((s) => s.stride ?? 1));
  let decodedUpTo = 0; // frames whose window has been decoded (the window's last frame + 1)
  let total: number | undefined = 0;
  let emitted = 0;
  let last: { audio: Float32Array; first: number } | undefined;

  const decode = async (first: number, frames: number): Promise<Float32Array> => {
    options.signal?.throwIfAborted();
    context.checkOpen('streamDecode');
    return codec.decode(codes.slice(first, first + frames), frames, { startFrame: first, noise, ...(options.signal === undefined ? {} : { signal: options.signal }) });
  };
  const out = (samples: Float32Array): AudioSignal => {
    // The blocks received so far hold `total` samples: the padding of the signal's end is never played.
    const kept = total === undefined ? samples : samples.subarray(0, Math.max(0, Math.min(samples.length, total - emitted)));
    emitted += kept.length;
    return { sampleRate: codec.sampleRate, channels: [kept] };
  };

  for await (const { streams, samples } of checkedBlocks(context, blocks, group)) {
    codes.append(streams);
    total = total === undefined || samples === undefined ? undefined : total + samples;
    while (codes.frames >= decodedUpTo + group && codes.frames >= windowFrames) {
      const end = Math.max(decodedUpTo + group, windowFrames);
      const first = end - windowFrames;
      const audio = await decode(first, windowFrames);
      // The first window also plays the groups before `emit` (unless the reference's edges are wanted).
      const from = first === 0 && edges === 'keep' ? 0 : emit * groupSamples;
      yield out(audio.slice(from, (emit + 1) * groupSamples));
      last = { audio, first };
      decodedUpTo = end;
      codes.dropBefore(end - windowFrames + group);
    }
  }
  if (edges === 'drop') return;
  // The groups after the last emitted one: from the last window, or one decode of a stream shorter than a window.
  let tail: Float32Array;
  if (last === undefined) {
    if (codes.frames === 0) return;
    if (codes.frames < codec.minFrames) throw tooShort(codes.frames, codec.minFrames, 'blocks');
    tail = await decode(0, codes.frames);
  } else {
    tail = last.audio.subarray((emit + 1) * groupSamples);
  }
  const rest = out(tail.slice());
  if (rest.channels[0]!.length > 0) yield rest;
}
