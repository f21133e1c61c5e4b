// Long test signals made from a real recording (the codec goldens' input), and chunked sources of them.
import type { AudioSignal } from '../../signal/audio-signal.js';

/** `seconds` of the recording looped under a slow, non-periodic envelope (so no two windows are alike). */
export function longSignal(recording: AudioSignal, seconds: number): AudioSignal {
  const source = recording.channels[0]!;
  const length = Math.round(seconds * recording.sampleRate);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = source[i % source.length]! * (0.6 + 0.4 * Math.sin(i / 7919) * Math.cos(i / 3001));
  return { sampleRate: recording.sampleRate, channels: [out] };
}

/** The signal in chunks of `size` frames (every channel). */
export function* chunksOf(audio: AudioSignal, size: number): Generator<AudioSignal> {
  const length = audio.channels[0]!.length;
  for (let i = 0; i < length; i += size) yield { sampleRate: audio.sampleRate, channels: audio.channels.map((c) => c.subarray(i, i + size)) };
}

/** Concatenated samples of mono chunks. */
export function joinAudio(parts: readonly AudioSignal[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.channels[0]!.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part.channels[0]!, offset);
    offset += part.channels[0]!.length;
  }
  return out;
}

/** Collects an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
