import { createJointVocabulary, InvalidArgumentError, layoutPresets, loadLayout, type JointVocabulary, type LayoutSpec, type TokenizerOption } from '@jointok/core';
import { createJointokDefaultVocabulary } from '@jointok/text';
import type { ResolvedText } from './text-tokenizer-option.js';
import { textArtifacts } from './text-tokenizer-option.js';

/** The name of the joint default layout. */
export const JOINTOK_DEFAULT_LAYOUT = 'jointok-default';

/** The layout names `createJointTokenizer` knows: the joint default and core's presets. */
export function layoutNames(): string[] {
  return [JOINTOK_DEFAULT_LAYOUT, ...Object.keys(layoutPresets)];
}

/** The modalities a layout has spaces for, before any model is loaded (the default has image, audio, video). */
export function layoutModalities(layout: string | LayoutSpec | undefined): Set<string> {
  if (layout === undefined || layout === JOINTOK_DEFAULT_LAYOUT) return new Set(['image', 'audio', 'video']);
  return new Set(presetOrSpec(layout).spaces.map((space) => space.modality));
}

function presetOrSpec(layout: string | LayoutSpec): LayoutSpec {
  if (typeof layout !== 'string') return loadLayout(layout);
  const preset = layoutPresets[layout];
  if (preset === undefined) throw new InvalidArgumentError({ argument: 'options.layout', expected: `a layout name (${layoutNames().join(', ')}) or a LayoutSpec`, received: layout });
  return preset;
}

/** Refuses a text model the layout cannot take (before any media model loads): `jointok-default` is built on o200k_base. */
export function checkTextForLayout(layout: string | LayoutSpec | undefined, text: ResolvedText): void {
  if ((layout === undefined || layout === JOINTOK_DEFAULT_LAYOUT) && text.name !== 'o200k_base')
    throw new InvalidArgumentError({ argument: 'options.text', expected: "'o200k_base' (the jointok-default layout is built on o200k_base's ids; choose another layout for another text model)", received: text.name });
}

/** The first stream's codebook size of a tokenizer (what the default layout's code block holds). */
function codebookSize(tokenizer: TokenizerOption | undefined): number | undefined {
  const resolved = tokenizer as { codeSpace?: { streams?: readonly { codebookSize?: number }[] } } | undefined;
  return resolved?.codeSpace?.streams?.[0]?.codebookSize;
}

/** What the vocabulary is built from. */
export interface VocabularyInputs {
  readonly layout: string | LayoutSpec | undefined;
  readonly text: ResolvedText;
  readonly image: TokenizerOption | undefined;
  readonly audio: TokenizerOption | undefined;
  readonly imageCodebookSize: number | undefined;
}

/**
 * The joint vocabulary of the options. `jointok-default` is sized from the image and audio tokenizers'
 * code spaces (never a fixed number) and takes o200k_base text only; other layouts resolve their token
 * strings through the text model's tokenizer.json.
 */
export function buildVocabulary(inputs: VocabularyInputs): JointVocabulary {
  const { layout, text } = inputs;
  if (layout !== undefined && layout !== JOINTOK_DEFAULT_LAYOUT) return createJointVocabulary(presetOrSpec(layout), textArtifacts(text));
  checkTextForLayout(layout, text);
  const fromImage = codebookSize(inputs.image);
  if (fromImage !== undefined && inputs.imageCodebookSize !== undefined && fromImage !== inputs.imageCodebookSize)
    throw new InvalidArgumentError({ argument: 'options.imageCodebookSize', expected: `the image tokenizer's codebook size, ${fromImage}`, received: inputs.imageCodebookSize });
  const imageCodebookSize = fromImage ?? inputs.imageCodebookSize;
  if (imageCodebookSize === undefined)
    throw new InvalidArgumentError({ argument: 'options.imageCodebookSize', expected: 'the image code count of jointok-default when no image tokenizer is used', received: undefined });
  const audioCodebookSize = codebookSize(inputs.audio);
  return createJointokDefaultVocabulary(audioCodebookSize === undefined ? { imageCodebookSize } : { imageCodebookSize, audioCodebookSize });
}
