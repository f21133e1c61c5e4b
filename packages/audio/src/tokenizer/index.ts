export type { AudioTokenizer, AudioSource, AudioChunk, AudioDecodeOptions, StreamEncodeOptions, StreamDecodeOptions, WindowedDecodeSettings } from './audio-tokenizer.js';
export type { AudioCodec, CodecStreaming, FrameContext, CodecRunOptions, CodecDecodeOptions } from './audio-codec.js';
export { createAudioTokenizer, type AudioTokenizerParts } from './create-audio-tokenizer.js';
export { streamCodes, tokenBlockFromStreams, concatAudioBlocks, type CodeSpaceSource } from './audio-blocks.js';
export { seededGaussian, type NoiseOption, type NoiseRequest, type NoiseSource } from './noise.js';
export type { AudioReader } from './read-audio-source.js';
export type { LoadAudioTokenizerOptions } from './load-audio-tokenizer.js';
