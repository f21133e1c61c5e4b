import { JointokError } from '@jointok/core';
import { InvalidAudioError } from '../errors/index.js';
import type { AudioSignal } from '../signal/audio-signal.js';

/** What every eshaz WASM decoder returns. */
export interface WasmDecodedAudio {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  errors: readonly { message: string; frameNumber: number; inputBytes: number }[];
}

/** The part of an eshaz decoder instance used here. */
export interface WasmDecoder {
  ready: Promise<void>;
  free: () => void;
}

/**
 * Runs one decode on a fresh decoder and always frees its WASM memory. A decoder that reports
 * frame errors, throws, or yields no samples makes the stream invalid: the error names the format,
 * the first decoder message and the byte it reached. Channels are copied out of the decoder's
 * buffers and cut to `frames` (at most the decoded count) when given.
 */
export async function runWasmDecoder<D extends WasmDecoder>(
  format: string,
  create: () => D,
  decode: (decoder: D) => Promise<WasmDecodedAudio> | WasmDecodedAudio,
  frames?: (decoded: number) => number,
): Promise<AudioSignal> {
  let decoder: D | undefined;
  let result: WasmDecodedAudio;
  try {
    decoder = create();
    await decoder.ready;
    result = await decode(decoder);
  } catch (error) {
    if (JointokError.isInstance(error)) throw error;
    throw new InvalidAudioError({ format, reason: `the decoder failed: ${error instanceof Error ? error.message : String(error)}`, cause: error });
  } finally {
    decoder?.free();
  }
  const first = result.errors[0];
  if (first !== undefined) {
    throw new InvalidAudioError({
      format,
      reason: `${result.errors.length} corrupt frame${result.errors.length === 1 ? '' : 's'}, the first: ${first.message} (frame ${first.frameNumber})`,
      byteOffset: first.inputBytes,
    });
  }
  if (result.samplesDecoded === 0 || result.channelData.length === 0) throw new InvalidAudioError({ format, reason: 'the stream holds no decodable audio frames' });
  const length = Math.min(result.samplesDecoded, frames ? frames(result.samplesDecoded) : result.samplesDecoded);
  return { sampleRate: result.sampleRate, channels: result.channelData.map((channel) => channel.slice(0, length)) };
}
