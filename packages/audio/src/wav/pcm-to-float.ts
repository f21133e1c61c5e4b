import type { WavFormat } from './wav-format.js';

/**
 * Decodes `frames` interleaved frames at `offset` into planar float32 channels, with the scaling of
 * libsndfile (`soundfile.read(dtype='float32')`) and torchaudio/sox (`torchaudio.load`):
 * unsigned 8-bit (v - 128) / 128, signed 16-bit v / 32768, 24-bit v / 2^23, 32-bit v / 2^31 (the
 * container decides: 24 valid bits in a 32-bit container are read as 32-bit), float32 as stored,
 * float64 rounded to the nearest float32.
 */
export function pcmToFloat(bytes: Uint8Array, offset: number, frames: number, format: WavFormat): Float32Array[] {
  const { channels: channelCount, containerBits, sampleFormat, blockAlign } = format;
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, frames * blockAlign);
  const bytesPerSample = containerBits / 8;
  for (let c = 0; c < channelCount; c++) {
    const out = channels[c] as Float32Array;
    let position = c * bytesPerSample;
    if (sampleFormat === 'float') {
      if (containerBits === 32) for (let i = 0; i < frames; i++, position += blockAlign) out[i] = view.getFloat32(position, true);
      else for (let i = 0; i < frames; i++, position += blockAlign) out[i] = view.getFloat64(position, true);
      continue;
    }
    switch (containerBits) {
      case 8:
        for (let i = 0; i < frames; i++, position += blockAlign) out[i] = (view.getUint8(position) - 128) / 128;
        break;
      case 16:
        for (let i = 0; i < frames; i++, position += blockAlign) out[i] = view.getInt16(position, true) / 32768;
        break;
      case 24:
        for (let i = 0; i < frames; i++, position += blockAlign) {
          // Low 16 bits unsigned, high byte signed: the 24-bit two's complement value.
          const value = view.getUint16(position, true) | (view.getInt8(position + 2) << 16);
          out[i] = value / 8388608;
        }
        break;
      default:
        // v / 2^31 rounds once to float32, as libsndfile's (float) v * 2^-31 does.
        for (let i = 0; i < frames; i++, position += blockAlign) out[i] = view.getInt32(position, true) / 2147483648;
    }
  }
  return channels;
}
