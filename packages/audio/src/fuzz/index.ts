// Audio's fuzz targets (not published: tests and bench/fuzz import them from source).
import type { AnyFuzzTarget } from '@jointok/core/fuzz';
import { fixtureBytes } from '../__fixtures__/fixtures.js';
import { decodeAudioTarget } from './decode-audio-target.js';

export { decodeAudioTarget };
export { audioFormat, oggFormat, riffFormat } from './audio-formats.js';

/** Where audio's committed regression inputs live. */
export const regressionFolder = new URL('./__fixtures__/regressions', import.meta.url).pathname;

const WAV = ['pcm-s16.wav', 'pcm-s24.wav', 'pcm-s32.wav', 'pcm-u8.wav', 'pcm-u8-odd.wav', 'float32.wav', 'float64.wav', 'extensible-f32-8ch.wav', 'extensible-24in32.wav', 'extensible-s16.wav', 'chunks-odd.wav'];
const COMPRESSED = ['stereo-44k.flac', 's24-6ch.flac', 'stereo-44k.mp3', 'voice-44k.ogg', 'stereo-48k.opus'];

/** Every audio target: WAV (every sample format) and the compressed formats (FLAC, MP3, Ogg Vorbis, Ogg Opus). */
export function audioFuzzTargets(): AnyFuzzTarget[] {
  return [
    decodeAudioTarget('audio/wav', 'WAV bytes (PCM, float, extensible) → decodeAudio', WAV.map((name) => fixtureBytes(`formats/${name}`))),
    decodeAudioTarget('audio/compressed', 'FLAC, MP3, Ogg Vorbis and Opus bytes → decodeAudio', COMPRESSED.map((name) => fixtureBytes(`compressed/${name}`))),
  ] as AnyFuzzTarget[];
}
