export type { DecodedFrame, VideoInfo, FrameStream, ReadVideoOptions, LazyFrame } from './types.js';
export { DEFAULT_MAX_PIXELS } from './types.js';
export { readSelection, selectFrames, type FrameSelection } from './select-frames.js';
export { createFrameStream } from './create-frame-stream.js';
