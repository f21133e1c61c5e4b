export type { VideoTokenizer, VideoSource, VideoEncodeOptions } from './video-tokenizer.js';
export { createPerFrameTokenizer, perFrameCodeSpace, type PerFrameTokenizer, type PerFrameTokenizerOptions } from './create-per-frame-tokenizer.js';
export { frameBlocks, clipBlock } from './frame-blocks.js';
export type { VideoReader } from './frame-source.js';
export type { LoadVideoTokenizerOptions } from './load-video-tokenizer.js';
