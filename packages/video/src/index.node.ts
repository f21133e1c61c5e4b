// Node entry: the neutral entry, with a readVideo that also takes paths (Y4M streamed from disk, folders of
// images, any container through ffmpeg) and writeVideo for files. Explicit exports win over the star export.
export * from './index.js';
export { readVideo, type NodeVideoInput, type NodeReadVideoOptions } from './read/read-video.node.js';
export { writeVideo, type WriteVideoOptions } from './write/write-video.node.js';
export * from './ffmpeg/index.node.js';
export { videoFamilies, loadVideoTokenizer } from './load-video-tokenizer.node.js';
