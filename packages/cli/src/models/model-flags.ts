import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, layoutNames, loadLayout, type CreateJointTokenizerOptions, type LayoutSpec } from 'jointok';
import { InputNotFoundError } from '../errors/index.js';

/** The model options every encoding command takes (`--layout`, `--text-model`, ...). */
export interface ModelFlags {
  readonly layout?: string | undefined;
  readonly textModel?: string | undefined;
  readonly imageModel?: string | undefined;
  readonly audioModel?: string | undefined;
  readonly videoModel?: string | undefined;
}

/** A layout as recorded beside ids: a name, or a layout file's spec (kept whole, so decoding needs no file). */
export type LayoutReference = string | { readonly file: string; readonly spec: LayoutSpec };

/** What ids were made with, recorded in tokens.json and shard manifests so they can be decoded later. */
export interface ModelReferences {
  readonly layout: LayoutReference;
  readonly text: string;
  readonly image?: string;
  readonly audio?: string;
  /** A video model source; absent for the default (per-frame tokens of the image model). */
  readonly video?: string;
}

/** The name under which the built-in image model is recorded. */
export const BUILT_IN_IMAGE_MODEL = 'jointok-image-base';

/** `--video-model per-frame`: the default, each frame through the image model. */
export const PER_FRAME_VIDEO = 'per-frame';

const isRemote = (source: string) => /^(hf:|https?:\/\/)/.test(source);

/** A model source as given: a local path made absolute (so records survive a change of folder), a URL or hub id as is. */
function modelSource(source: string): string {
  return isRemote(source) ? source : resolve(source);
}

function layoutOption(layout: string | undefined): { option: string | LayoutSpec | undefined; reference: LayoutReference } {
  if (layout === undefined) return { option: undefined, reference: 'jointok-default' };
  if (existsSync(layout) && statSync(layout).isFile()) {
    const spec = loadLayout(readFileSync(layout, 'utf8'));
    return { option: spec, reference: { file: resolve(layout), spec } };
  }
  if (layoutNames().includes(layout)) return { option: layout, reference: layout };
  throw new InvalidArgumentError({
    argument: '--layout',
    expected: `a layout name (${layoutNames().join(', ')}) or a layout JSON file`,
    received: layout,
    message: `Unknown layout "${layout}": it is neither a layout name (${layoutNames().join(', ')}) nor a layout file.`,
  });
}

function textOption(text: string | undefined): { option: CreateJointTokenizerOptions['text']; reference: string } {
  if (text === undefined || text === 'o200k_base' || text === 'cl100k_base') return { option: text, reference: text ?? 'o200k_base' };
  const path = resolve(text);
  if (!existsSync(path)) throw new InputNotFoundError({ path: text, role: 'text model', message: `--text-model ${text}: neither o200k_base, cl100k_base nor an existing tokenizer.json file.` });
  return { option: { tokenizerJson: readFileSync(path, 'utf8') }, reference: path };
}

function audioOption(audio: string | undefined): { option: CreateJointTokenizerOptions['audio']; reference: string | undefined } {
  if (audio === undefined) return { option: undefined, reference: undefined };
  if (/^mu-law(@\d+)?$/.test(audio)) return { option: audio as `mu-law@${number}`, reference: audio };
  const source = modelSource(audio);
  return { option: source, reference: source };
}

/** Turns the command's model flags into the builder's options and the references to record. */
export function jointOptionsFromFlags(flags: ModelFlags): { options: CreateJointTokenizerOptions; references: Omit<ModelReferences, 'image' | 'audio' | 'video'> & { image?: string; audio?: string; video?: string } } {
  const layout = layoutOption(flags.layout);
  const text = textOption(flags.textModel);
  const image = flags.imageModel === undefined || flags.imageModel === BUILT_IN_IMAGE_MODEL ? undefined : modelSource(flags.imageModel);
  const audio = audioOption(flags.audioModel);
  const video = flags.videoModel === undefined || flags.videoModel === PER_FRAME_VIDEO ? undefined : modelSource(flags.videoModel);
  const options: CreateJointTokenizerOptions = {
    ...(layout.option !== undefined && { layout: layout.option }),
    ...(text.option !== undefined && { text: text.option }),
    ...(image !== undefined && { image }),
    ...(audio.option !== undefined && { audio: audio.option }),
    ...(video !== undefined && { video }),
  };
  return {
    options,
    references: { layout: layout.reference, text: text.reference, ...(image !== undefined && { image }), ...(audio.reference !== undefined && { audio: audio.reference }), ...(video !== undefined && { video }) },
  };
}

/** The flags that rebuild the joint tokenizer recorded in `references` (a layout spec travels on its own). */
export function flagsFromReferences(references: ModelReferences): ModelFlags {
  return {
    layout: typeof references.layout === 'string' ? references.layout : undefined,
    textModel: references.text,
    imageModel: references.image,
    audioModel: references.audio,
    videoModel: references.video,
  };
}
