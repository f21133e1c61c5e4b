import { UnsupportedError } from '@jointok/core';
import { InvalidAudioError } from '../errors/index.js';
import { audioLimits } from '../signal/limits.js';

/** How the samples of a WAV `data` chunk are stored. */
export interface WavFormat {
  /** `'int'`: PCM (unsigned for 8-bit, signed two's complement otherwise); `'float'`: IEEE float. */
  readonly sampleFormat: 'int' | 'float';
  /** Bits per stored sample (the container: 8, 16, 24, 32 or 64). */
  readonly containerBits: number;
  /** Valid bits (EXTENSIBLE's `wValidBitsPerSample`; equal to the container otherwise). */
  readonly validBits: number;
  readonly channels: number;
  readonly sampleRate: number;
  /** Bytes per frame: `channels * containerBits / 8`. */
  readonly blockAlign: number;
  /** EXTENSIBLE's speaker mask (0 when absent). */
  readonly channelMask: number;
}

const WAVE_FORMAT_PCM = 0x0001;
const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
// KSDATAFORMAT_SUBTYPE_* GUIDs share these 14 bytes after their 2-byte format tag.
const GUID_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

const knownTags: Record<number, string> = {
  0x0002: 'Microsoft ADPCM',
  0x0006: 'A-law',
  0x0007: 'mu-law',
  0x0011: 'IMA ADPCM',
  0x0031: 'GSM 6.10',
  0x0050: 'MPEG',
  0x0055: 'MPEG layer 3',
};

function invalid(reason: string, byteOffset?: number): InvalidAudioError {
  return new InvalidAudioError({ format: 'wav', reason, ...(byteOffset === undefined ? {} : { byteOffset }) });
}

function unsupportedTag(tag: number): UnsupportedError {
  const hex = `0x${tag.toString(16).padStart(4, '0')}`;
  return new UnsupportedError({
    feature: `WAV format tag ${hex}${knownTags[tag] ? ` (${knownTags[tag]})` : ''}`,
    supported: ['PCM (0x0001): 8, 16, 24, 32 bit', 'IEEE float (0x0003): 32, 64 bit', 'WAVE_FORMAT_EXTENSIBLE (0xfffe) of those'],
  });
}

/** Parses a `fmt ` chunk payload (`offset`, `size` within `bytes`). */
export function parseWavFormat(bytes: Uint8Array, offset: number, size: number): WavFormat {
  if (size < 16) throw invalid(`the fmt chunk has ${size} bytes, fewer than the 16 of a PCM format`, offset);
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, size);
  let tag = view.getUint16(0, true);
  const channels = view.getUint16(2, true);
  const sampleRate = view.getUint32(4, true);
  const containerBits = view.getUint16(14, true);
  let validBits = containerBits;
  let channelMask = 0;
  if (tag === WAVE_FORMAT_EXTENSIBLE) {
    if (size < 40) throw invalid(`a WAVE_FORMAT_EXTENSIBLE fmt chunk has ${size} bytes, fewer than 40`, offset);
    const extension = view.getUint16(16, true);
    if (extension < 22) throw invalid(`a WAVE_FORMAT_EXTENSIBLE fmt chunk declares cbSize ${extension}, fewer than 22`, offset + 16);
    validBits = view.getUint16(18, true);
    channelMask = view.getUint32(20, true);
    tag = view.getUint16(24, true);
    for (let i = 0; i < GUID_TAIL.length; i++) {
      if (bytes[offset + 26 + i] !== GUID_TAIL[i]) throw new UnsupportedError({ feature: 'a WAVE_FORMAT_EXTENSIBLE sub-format GUID outside the KSDATAFORMAT_SUBTYPE family', supported: ['PCM', 'IEEE float'] });
    }
    if (validBits === 0) validBits = containerBits;
    if (validBits > containerBits) throw invalid(`${validBits} valid bits in a ${containerBits}-bit container`, offset + 18);
  }
  if (channels === 0) throw invalid('the fmt chunk declares 0 channels', offset + 2);
  if (channels > audioLimits.maxChannels) throw invalid(`the fmt chunk declares ${channels} channels (at most ${audioLimits.maxChannels} are accepted)`, offset + 2);
  if (sampleRate === 0 || sampleRate > audioLimits.maxSampleRate) {
    throw invalid(`the fmt chunk declares a sample rate of ${sampleRate} Hz (accepted: 1 to ${audioLimits.maxSampleRate})`, offset + 4);
  }
  let sampleFormat: 'int' | 'float';
  if (tag === WAVE_FORMAT_PCM) {
    if (![8, 16, 24, 32].includes(containerBits)) throw new UnsupportedError({ feature: `${containerBits}-bit PCM WAV`, supported: ['8', '16', '24', '32'] });
    sampleFormat = 'int';
  } else if (tag === WAVE_FORMAT_IEEE_FLOAT) {
    if (containerBits !== 32 && containerBits !== 64) throw new UnsupportedError({ feature: `${containerBits}-bit float WAV`, supported: ['32', '64'] });
    sampleFormat = 'float';
  } else {
    throw unsupportedTag(tag);
  }
  return { sampleFormat, containerBits, validBits, channels, sampleRate, blockAlign: (channels * containerBits) / 8, channelMask };
}
