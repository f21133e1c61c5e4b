import type { TokenizerFamily } from '@jointok/core';
import type { VideoReader } from '../tokenizer/frame-source.js';
import type { VideoTokenizer } from '../tokenizer/video-tokenizer.js';
import { createCosmosDvFamily } from './cosmos-dv/cosmos-dv-family.js';

/** Every video family of this package, reading sources with the entry's `readVideo`. */
export function createVideoFamilies(readVideo: VideoReader): readonly TokenizerFamily<VideoTokenizer>[] {
  return [createCosmosDvFamily(readVideo)];
}
