/**
 * Decoded audio: one `Float32Array` per channel (planar), all of the same length, samples nominally
 * in [-1, 1] (float files may hold values beyond; nothing here clips them), at `sampleRate` Hz.
 * This is what `readAudio` returns and what `writeWav`, `resample` and the tokenizers take.
 */
export interface AudioSignal {
  /** Samples per second of every channel. */
  readonly sampleRate: number;
  /** Planar channels, equal lengths. */
  readonly channels: Float32Array[];
}

/** Frames (samples per channel) of a signal. */
export function frameCount(audio: AudioSignal): number {
  return audio.channels[0]?.length ?? 0;
}
