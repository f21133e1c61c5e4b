/**
 * @jointok/audio — audio for jointok: decoding (WAV, FLAC, MP3, Ogg Vorbis, Ogg Opus) and WAV
 * encoding, resampling that matches torchaudio and julius, channel mixing, the μ-law tokenizer,
 * model preprocessing, and codec metrics (SI-SDR, mel and multi-scale STFT distance).
 *
 * This is the runtime-neutral entry (bytes in, `decodeAudio`); `index.node.ts` adds `readAudio`
 * for file paths and `index.browser.ts` `readAudio` for `Blob`s and `AudioBuffer`s, selected by the
 * package's `exports` conditions.
 */
export * from './errors/index.js';
export * from './signal/index.js';
export * from './wav/index.js';
export * from './decode/index.js';
export * from './dsp/resample/index.js';
export * from './dsp/mix/index.js';
export * from './preprocess/index.js';
export * from './families/index.js';
export * from './tokenizer/index.js';
export * from './metrics/index.js';
export * from './dsp/stft/index.js';
export * from './dsp/mel/index.js';
export { audioFamilies, loadAudioTokenizer } from './load-audio-tokenizer.neutral.js';
