import { InvalidArgumentError } from '@jointok/core';
import type { AudioSignal } from '../signal/audio-signal.js';
import { checkAudioSignal } from '../signal/check-audio-signal.js';
import { audioLimits } from '../signal/limits.js';
import { floatToPcm } from './float-to-pcm.js';

/** Options of {@link writeWav}. */
export interface WriteWavOptions {
  /** Bits per sample: 8, 16, 24 or 32 for integer PCM (default 16); 32 or 64 for float. */
  bitDepth?: 8 | 16 | 24 | 32 | 64;
  /** `'int'` (PCM, default) or `'float'` (IEEE float). */
  sampleFormat?: 'int' | 'float';
}

const bitDepths = { int: [8, 16, 24, 32], float: [32, 64] } as const;

/**
 * Encodes audio as a WAV file and returns its bytes. Integer PCM follows libsndfile's conversion
 * (`soundfile.write`, see `floatToPcm`): values beyond ±1 saturate, and audio read from a PCM file
 * of the same depth is written back bit for bit. Float files store the float32 samples (64-bit
 * files widen them) and carry a `fact` chunk. More than two channels use WAVE_FORMAT_EXTENSIBLE
 * with no speaker assignment (mask 0).
 *
 * Everything is checked before any byte is produced: NaN or infinite samples throw
 * `NonFiniteValueError`, a bad depth `InvalidArgumentError`.
 */
export function writeWav(audio: AudioSignal, options: WriteWavOptions = {}): Uint8Array {
  checkAudioSignal(audio, 'audio');
  const sampleFormat = options.sampleFormat ?? 'int';
  if (sampleFormat !== 'int' && sampleFormat !== 'float') throw new InvalidArgumentError({ argument: 'options.sampleFormat', expected: "'int' or 'float'", received: sampleFormat });
  const bits = options.bitDepth ?? (sampleFormat === 'int' ? 16 : 32);
  if (!(bitDepths[sampleFormat] as readonly number[]).includes(bits)) {
    throw new InvalidArgumentError({ argument: 'options.bitDepth', expected: `one of ${bitDepths[sampleFormat].join(', ')} for ${sampleFormat} samples`, received: bits });
  }
  if (!Number.isInteger(audio.sampleRate) || audio.sampleRate > audioLimits.maxSampleRate) {
    throw new InvalidArgumentError({ argument: 'audio.sampleRate', expected: `an integer from 1 to ${audioLimits.maxSampleRate} (WAV stores whole Hz)`, received: audio.sampleRate });
  }
  if (audio.channels.length > audioLimits.maxChannels) {
    throw new InvalidArgumentError({ argument: 'audio.channels', expected: `at most ${audioLimits.maxChannels} channels`, received: audio.channels.length });
  }
  const channels = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  const blockAlign = (channels * bits) / 8;
  const dataSize = frames * blockAlign;
  if (dataSize > 0xffffffff - 100) throw new InvalidArgumentError({ argument: 'audio', expected: 'at most 4 GiB of samples (the WAV size limit)', received: `${dataSize} bytes` });
  const extensible = channels > 2;
  const formatTag = sampleFormat === 'float' ? 3 : 1;
  const fmtSize = extensible ? 40 : sampleFormat === 'float' ? 18 : 16;
  const factSize = sampleFormat === 'float' ? 12 : 0;
  const pad = dataSize % 2;
  const total = 12 + 8 + fmtSize + factSize + 8 + dataSize + pad;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  let at = 0;
  const tag = (text: string): void => {
    for (let i = 0; i < 4; i++) bytes[at + i] = text.charCodeAt(i);
    at += 4;
  };
  const u16 = (value: number): void => {
    view.setUint16(at, value, true);
    at += 2;
  };
  const u32 = (value: number): void => {
    view.setUint32(at, value, true);
    at += 4;
  };
  tag('RIFF');
  u32(total - 8);
  tag('WAVE');
  tag('fmt ');
  u32(fmtSize);
  u16(extensible ? 0xfffe : formatTag);
  u16(channels);
  u32(audio.sampleRate);
  u32(audio.sampleRate * blockAlign);
  u16(blockAlign);
  u16(bits);
  if (extensible) {
    u16(22);
    u16(bits);
    u32(0);
    u16(formatTag);
    for (const byte of [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71]) bytes[at++] = byte;
  } else if (sampleFormat === 'float') {
    u16(0);
  }
  if (factSize > 0) {
    tag('fact');
    u32(4);
    u32(frames);
  }
  tag('data');
  u32(dataSize);
  writeSamples(view, at, audio.channels, bits, sampleFormat);
  return bytes;
}

function writeSamples(view: DataView, start: number, channels: readonly Float32Array[], bits: number, sampleFormat: 'int' | 'float'): void {
  const bytesPerSample = bits / 8;
  const blockAlign = channels.length * bytesPerSample;
  channels.forEach((channel, c) => {
    let at = start + c * bytesPerSample;
    for (let i = 0; i < channel.length; i++, at += blockAlign) {
      const x = channel[i] as number;
      if (sampleFormat === 'float') {
        if (bits === 32) view.setFloat32(at, x, true);
        else view.setFloat64(at, x, true);
        continue;
      }
      const value = floatToPcm(x, bits);
      if (bits === 8) view.setUint8(at, value + 128);
      else if (bits === 16) view.setInt16(at, value, true);
      else if (bits === 24) {
        view.setUint16(at, value & 0xffff, true);
        view.setInt8(at + 2, value >> 16);
      } else view.setInt32(at, value, true);
    }
  });
}
