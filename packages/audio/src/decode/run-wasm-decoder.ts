import { JointokError } from '@jointok/core';
import { InvalidAudioError } from '../errors/index.js';
import type { AudioSignal } from '../signal/audio-signal.js';

/** What every eshaz WASM decoder returns. */
export interface WasmDecodedAudio {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  bitDepth?: number;
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
 * the first decoder message and the byte it reached. When the container declares its length
 * (`declaredFrames`), fewer decoded frames mean frames were dropped (the decoders skip what they
 * cannot parse silently): an error unless `allowTruncated`; extra frames are cut. Channels are
 * copied out of the decoder's buffers, then `rescale`d in place when given.
 */
export async function runWasmDecoder<D extends WasmDecoder>(
  format: string,
  create: () => D,
  decode: (decoder: D) => Promise<WasmDecodedAudio> | WasmDecodedAudio,
  declaredFrames?: number,
  allowTruncated = false,
  rescale?: (channel: Float32Array, result: WasmDecodedAudio) => void,
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
  if (declaredFrames !== undefined && result.samplesDecoded < declaredFrames && !allowTruncated) {
    throw new InvalidAudioError({
      format,
      reason: `decoded ${result.samplesDecoded} of the ${declaredFrames} frames the stream declares (frames were corrupt or missing; pass allowTruncated to keep what decodes)`,
    });
  }
  const length = Math.min(result.samplesDecoded, declaredFrames ?? Number.POSITIVE_INFINITY);
  const channels = result.channelData.map((channel) => channel.slice(0, length));
  if (rescale) for (const channel of channels) rescale(channel, result);
  return { sampleRate: result.sampleRate, channels };
}
