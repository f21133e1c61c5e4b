import { createJointTokenizer as composeJointTokenizer, type JointTokenizer, type JointTokenizerOptions, type TokenizerOption } from '@jointok/core';
import { buildVocabulary, checkTextForLayout, JOINTOK_DEFAULT_LAYOUT, layoutModalities } from './build-vocabulary.js';
import { resolveAudioOption, resolveImageOption, type MediaTokenizer } from './load-media-tokenizers.js';
import type { CreateJointTokenizerOptions } from './options.js';
import { resolveTextOption } from './text-tokenizer-option.js';

/** What a {@link JointokTokenizer} was built from: a reference per modality (a model source, a built-in name, or `'custom'`). */
export interface JointTokenizerModels {
  readonly layout: string;
  readonly text: string;
  readonly image?: string;
  readonly audio?: string;
  readonly video?: string;
}

/**
 * A joint tokenizer that owns what it loaded: core's `JointTokenizer` (`encode(parts)`, `decode(ids)`,
 * `vocabulary`) plus the tokenizers it composes and `dispose()` / `await using`, which release the models
 * it loaded (never tokenizers you passed in).
 */
export interface JointokTokenizer extends JointTokenizer {
  /** The tokenizers per modality, as composed (text always; media where the layout has a space and one was given or loaded). */
  readonly tokenizers: { readonly text: TokenizerOption; readonly image?: TokenizerOption; readonly audio?: TokenizerOption; readonly video?: TokenizerOption };
  /** Where each tokenizer came from, to be recorded next to ids so they can be decoded later. */
  readonly models: JointTokenizerModels;
  /** Releases the models this builder loaded. Idempotent. */
  dispose(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

function isComposeOptions(options: unknown): options is JointTokenizerOptions {
  return typeof options === 'object' && options !== null && 'vocabulary' in options;
}

async function disposeAll(media: readonly (MediaTokenizer | undefined)[]): Promise<void> {
  await Promise.allSettled(media.map((m) => (m?.owned ? (m.tokenizer as { dispose?: () => Promise<void> }).dispose?.() : undefined)));
}

function owning(joint: JointTokenizer, tokenizers: JointokTokenizer['tokenizers'], models: JointTokenizerModels, owned: readonly (MediaTokenizer | undefined)[]): JointokTokenizer {
  let disposing: Promise<void> | undefined;
  const dispose = () => (disposing ??= disposeAll(owned));
  return { vocabulary: joint.vocabulary, encode: joint.encode.bind(joint), decode: joint.decode.bind(joint), tokenizers, models, dispose, [Symbol.asyncDispose]: dispose };
}

/**
 * Builds a joint tokenizer, loading what it needs. With no arguments it is the joint default:
 * o200k_base text, the built-in image tokenizer (`loadImageTokenizer()`), μ-law audio at 16 kHz, in the
 * `jointok-default` layout sized from the image tokenizer's codebook. Options swap any part (see
 * {@link CreateJointTokenizerOptions}); passing `{ vocabulary, text, image, ... }` composes tokenizers you
 * already hold, exactly as `@jointok/core`'s synchronous `createJointTokenizer` (which this one wraps: it is
 * the same function once everything is loaded).
 *
 * Media tokenizers load only for modalities the layout has a space for. On failure, whatever was loaded
 * is released before the error propagates.
 *
 * @example
 * await using joint = await createJointTokenizer();
 * const { ids } = await joint.encode([{ type: 'text', text: 'Listen:' }, { type: 'audio', audio: wavBytes }]);
 * const { parts } = await joint.decode(ids);
 *
 * @throws InvalidArgumentError for an unknown layout name or a text model the layout cannot take
 * @throws CodeSpaceMismatchError when a model's codes do not fit the layout (names both)
 * @throws the loaders' errors (`RepositoryNotFoundError`, `UnknownFamilyError`, ...) for model sources
 */
export async function createJointTokenizer(options: CreateJointTokenizerOptions | JointTokenizerOptions = {}): Promise<JointokTokenizer> {
  if (isComposeOptions(options)) {
    const joint = composeJointTokenizer(options);
    const { text, image, audio, video } = options;
    return owning(joint, { text: text!, ...(image && { image }), ...(audio && { audio }), ...(video && { video }) }, { layout: joint.vocabulary.layout.name, text: 'custom' }, []);
  }
  const modalities = layoutModalities(options.layout);
  const text = await resolveTextOption(options.text);
  checkTextForLayout(options.layout, text);
  const loaded: (MediaTokenizer | undefined)[] = [];
  try {
    const image = modalities.has('image') ? await resolveImageOption(options) : undefined;
    loaded.push(image);
    const audio = modalities.has('audio') ? await resolveAudioOption(options) : undefined;
    loaded.push(audio);
    const video = options.video === false || options.video === undefined || !modalities.has('video') ? undefined : { tokenizer: options.video, owned: false, reference: 'custom' };
    const vocabulary = buildVocabulary({ layout: options.layout, text, image: image?.tokenizer, audio: audio?.tokenizer, imageCodebookSize: options.imageCodebookSize });
    const tokenizers = { text: text.tokenizer, ...(image && { image: image.tokenizer }), ...(audio && { audio: audio.tokenizer }), ...(video && { video: video.tokenizer }) };
    const joint = composeJointTokenizer({ vocabulary, ...tokenizers });
    const layout = typeof options.layout === 'object' ? options.layout.name : (options.layout ?? JOINTOK_DEFAULT_LAYOUT);
    const models: JointTokenizerModels = { layout, text: text.name, ...(image && { image: image.reference }), ...(audio && { audio: audio.reference }), ...(video && { video: video.reference }) };
    return owning(joint, tokenizers, models, loaded);
  } catch (error) {
    await disposeAll(loaded);
    throw error;
  }
}
