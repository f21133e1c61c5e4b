// The node entry's video families and loader, reading sources with this entry's readVideo.
import type { ModelRepository } from '@jointok/core';
import { createVideoFamilies } from './families/create-video-families.js';
import { readVideo } from './read/read-video.node.js';
import type { VideoReader } from './tokenizer/frame-source.js';
import { loadVideoTokenizerWith, type LoadVideoTokenizerOptions } from './tokenizer/load-video-tokenizer.js';
import type { VideoTokenizer } from './tokenizer/video-tokenizer.js';

/**
 * This package's tokenizer families (`cosmos-dv`), for `loadTokenizer(source, { families })` or
 * `registerTokenizerFamilies(videoFamilies)`.
 */
export const videoFamilies = /* @__PURE__ */ createVideoFamilies(readVideo as VideoReader);

/**
 * Loads a video tokenizer: without a source, per-frame tokens of the built-in image default; with an image
 * model repository, per-frame tokens of it; with a video repository (folder, URL, `hf:owner/name@revision`),
 * its family (Cosmos DV).
 *
 * @example
 * const tokenizer = await loadVideoTokenizer('./cosmos-dv8x16x16');
 * const block = await tokenizer.encode(await readVideo(input, { maxFrames: 17 })); // TokenBlock [t, h, w]
 * const frames = await tokenizer.decode(block);                                   // RgbImage[]
 */
export function loadVideoTokenizer(source?: string | URL | ModelRepository, options: LoadVideoTokenizerOptions = {}): Promise<VideoTokenizer> {
  return loadVideoTokenizerWith(videoFamilies, readVideo as VideoReader, source, options);
}
