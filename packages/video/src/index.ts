/**
 * @jointok/video — video for jointok: streaming frame I/O (Y4M with ffmpeg's exact YCbCr → RGB
 * conversion, image sequences; ffmpeg containers in Node, WebCodecs and `<video>` in browsers), causal
 * temporal chunking, per-frame image tokens on any image tokenizer, and the Cosmos DV tokenizers.
 *
 * This is the runtime-neutral entry (bytes and frames); `index.node.ts` adds paths and ffmpeg,
 * `index.browser.ts` Blobs, `<video>` elements and WebCodecs frames.
 */
export * from './errors/index.js';
export * from './frames/index.js';
export * from './y4m/index.js';
export * from './sequence/index.js';
export { readVideo, isY4m, type VideoInput, type FrameSource, type ReadVideoInputOptions } from './read/read-video.js';
export { encodeVideo } from './write/encode-video.js';
export * from './chunking/index.js';
export * from './tokenizer/index.js';
export * from './families/index.js';
export * from './metrics/index.js';
export { videoFamilies, loadVideoTokenizer } from './load-video-tokenizer.neutral.js';
