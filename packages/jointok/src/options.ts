import type { LayoutSpec, LoadTokenizerOptions, ModelRepository, TokenizerOption } from '@jointok/core';

/** A model repository to load: a folder path, an http(s) URL, a `hf:owner/name@revision` id, or one already loaded. */
export type ModelSourceOption = string | URL | ModelRepository;

/** The text tokenizers jointok ships, by name. */
export type BuiltInTextModel = 'o200k_base' | 'cl100k_base';

/**
 * Options of {@link createJointTokenizer}. Every field is optional: without any, it builds the joint
 * default (o200k_base text, the built-in image tokenizer, μ-law audio at 16 kHz, the `jointok-default`
 * layout). A tokenizer you pass in stays yours (it is not disposed); what the builder loads, it owns.
 */
export interface CreateJointTokenizerOptions {
  /**
   * The layout: `'jointok-default'` (default), a preset name of `layoutPresets` (`'chameleon'`, `'emu3'`, ...),
   * or a `LayoutSpec` object. A layout other than the default resolves its token strings through the text
   * model's tokenizer.json, and its code spaces must match the models' (`CodeSpaceMismatchError` otherwise).
   */
  readonly layout?: string | LayoutSpec;
  /**
   * The text tokenizer: `'o200k_base'` (default; the only one `jointok-default` takes), `'cl100k_base'`, a
   * Hugging Face tokenizer.json (parsed object or its JSON text), or a tokenizer you hold.
   */
  readonly text?: BuiltInTextModel | { readonly tokenizerJson: unknown } | TokenizerOption;
  /** The image tokenizer: a model source (default: the built-in `jointok-image-base`), a tokenizer you hold, or `false` for none. */
  readonly image?: ModelSourceOption | TokenizerOption | false;
  /**
   * The audio tokenizer: `'mu-law'` (default; at {@link CreateJointTokenizerOptions.audioSampleRate}) or
   * `'mu-law@8000'` (μ-law at that rate), a model
   * source (a folder whose jointok.json has `"family": "mu-law"`, or any family registered with
   * `registerTokenizerFamilies`), a tokenizer you hold, or `false` for none.
   */
  readonly audio?: 'mu-law' | `mu-law@${number}` | ModelSourceOption | TokenizerOption | false;
  /**
   * The video tokenizer: a tokenizer you hold, or `false`. (No video package ships yet; when
   * `@jointok/video` lands, model sources and its built-in default load here.)
   */
  readonly video?: TokenizerOption | false;
  /** Sample rate of the default μ-law audio tokenizer, in Hz. Default 16,000 (one code per sample). */
  readonly audioSampleRate?: number;
  /**
   * Code count of the image space when no image tokenizer is used (`image: false`) with `jointok-default`;
   * with one, its own `codeSpace.streams[0].codebookSize` is used and this must equal it.
   */
  readonly imageCodebookSize?: number;
  /** How model repositories load: cache folder, `offline`, `onProgress`, `signal`, ONNX `session` settings. */
  readonly load?: Omit<LoadTokenizerOptions, 'modality' | 'families'>;
}
