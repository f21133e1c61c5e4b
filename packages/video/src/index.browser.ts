// Browser entry: the neutral entry, with a readVideo that also takes Blobs, <video> elements and WebCodecs
// frames. Explicit exports win over the star export.
export * from './index.js';
export { readVideo, type BrowserVideoInput, type BrowserReadVideoOptions, type WebCodecsFrameLike } from './read/read-video.browser.js';
export { videoFamilies, loadVideoTokenizer } from './load-video-tokenizer.browser.js';
