/**
 * jointok — the batteries-included entry: every public export of `@jointok/core`, `@jointok/text`,
 * `@jointok/image` and `@jointok/audio`, plus {@link createJointTokenizer}, which loads the built-in defaults
 * (o200k_base text, the built-in image tokenizer, μ-law audio, the `jointok-default` layout) into one joint
 * tokenizer. Each package resolves its own Node / browser entry where this one runs.
 *
 * Here `createJointTokenizer` is the asynchronous builder (it loads models and owns them); core's
 * synchronous composer over tokenizers you hold is the same call with `{ vocabulary, ... }`, or
 * `createJointTokenizer` imported from `@jointok/core`.
 */
export * from '@jointok/core';
export * from '@jointok/text';
export * from '@jointok/image';
export * from '@jointok/audio';
export * from '@jointok/video';
// Both core and audio export `streamCodes`; audio's takes everything core's does (a block and its code
// space) and also a tokenizer or no space at all, so it is the one exported here.
export { streamCodes } from '@jointok/audio';

export { createJointTokenizer, type JointokTokenizer, type JointTokenizerModels } from './create-joint-tokenizer.js';
export type { CreateJointTokenizerOptions, ModelSourceOption, BuiltInTextModel } from './options.js';
export { JOINTOK_DEFAULT_LAYOUT, layoutNames, layoutModalities } from './build-vocabulary.js';
export { DEFAULT_AUDIO_SAMPLE_RATE } from './load-media-tokenizers.js';
