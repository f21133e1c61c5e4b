import { readFile } from 'node:fs/promises';
import { InvalidArgumentError } from '@jointok/core';
import type { AudioSignal } from '../signal/audio-signal.js';
import { decodeAudio, type DecodeAudioOptions } from './decode-audio.js';

/** What `readAudio` accepts in Node: encoded bytes or a file path. */
export type AudioInput = Uint8Array | ArrayBuffer | string | URL;

/**
 * Reads audio from encoded bytes or (Node) a file path or `file:` URL, and decodes it with
 * {@link decodeAudio}: `{ sampleRate, channels: Float32Array[] }`.
 */
export async function readAudio(input: AudioInput, options: DecodeAudioOptions = {}): Promise<AudioSignal> {
  if (typeof input === 'string' || input instanceof URL) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(input);
    } catch (error) {
      throw new InvalidArgumentError({ argument: 'input', expected: 'a readable audio file', received: String(input), message: `Cannot read ${String(input)}: ${(error as Error).message}`, cause: error });
    }
    return decodeAudio(bytes, options);
  }
  return decodeAudio(input, options);
}
