import type { LayoutSpec } from '../layout/layout-spec.js';

/** The structure tokens of the jointok default layout, added after o200k_base's ids in this order. */
export const JOINTOK_DEFAULT_MARKERS = ['<|image_start|>', '<|image_end|>', '<|audio_start|>', '<|audio_end|>', '<|video_start|>', '<|video_end|>', '<|frame_end|>'] as const;

/** Code tokens of each space are named `<|{space}_{code}|>`: `<|image_0|>`, `<|audio_255|>`. */
export function jointokCodeToken(space: 'image' | 'audio' | 'video', code: number): string {
  return `<|${space}_${code}|>`;
}

/** Settings of {@link createJointokDefaultLayout}. */
export interface JointokDefaultLayoutOptions {
  /** Codes of the image tokenizer (and of video frames). */
  readonly imageCodebookSize: number;
  /** Codes of the audio tokenizer; default 256 (μ-law). */
  readonly audioCodebookSize?: number;
}

/**
 * The jointok default layout: o200k_base text, then seven structure tokens, then one block of code tokens
 * per space (image, audio, video), all real added tokens of the default vocabulary (`@jointok/text`'s
 * `jointokDefaultTokenizerJson`), so that a model can be trained on these ids with any tokenizer library.
 *
 * - image: `<|image_start|>` `{h}*{w}` (the grid size written as text, as Emu3 does, so any size parses)
 *   then the codes row by row, `<|image_end|>`;
 * - audio: `<|audio_start|>` one code per frame `<|audio_end|>` (μ-law: one per sample);
 * - video: `<|video_start|>` `{h}*{w}` then frames of codes, each closed by `<|frame_end|>`, `<|video_end|>`
 *   (per-frame image tokens, in their own code block so a model can tell stills from motion).
 */
export function createJointokDefaultLayout(options: JointokDefaultLayoutOptions): LayoutSpec {
  const { imageCodebookSize, audioCodebookSize = 256 } = options;
  const [imageStart, imageEnd, audioStart, audioEnd, videoStart, videoEnd, frameEnd] = JOINTOK_DEFAULT_MARKERS;
  return {
    format: 'jointok.layout',
    version: 1,
    name: 'jointok-default',
    description: 'jointok default: o200k_base text; image, audio and video blocks of code tokens between markers; image sizes written as {h}*{w}',
    text: { size: { token: imageStart } },
    tokens: {
      imageStart: { token: imageStart },
      imageEnd: { token: imageEnd },
      audioStart: { token: audioStart },
      audioEnd: { token: audioEnd },
      videoStart: { token: videoStart },
      videoEnd: { token: videoEnd },
      frameEnd: { token: frameEnd },
    },
    spaces: [
      {
        name: 'image',
        modality: 'image',
        codes: { type: 'offset', base: { token: jointokCodeToken('image', 0) }, codebookSize: imageCodebookSize },
        begin: ['imageStart'],
        prefix: [{ type: 'resolution', template: '{h}*{w}' }],
        end: ['imageEnd'],
        body: { type: 'grid', shape: ['h', 'w'] },
      },
      {
        name: 'audio',
        modality: 'audio',
        codes: { type: 'offset', base: { token: jointokCodeToken('audio', 0) }, codebookSize: audioCodebookSize },
        begin: ['audioStart'],
        end: ['audioEnd'],
        body: { type: 'frame-major', codebooks: 1 },
      },
      {
        name: 'video',
        modality: 'video',
        codes: { type: 'offset', base: { token: jointokCodeToken('video', 0) }, codebookSize: imageCodebookSize },
        begin: ['videoStart'],
        prefix: [{ type: 'resolution', template: '{h}*{w}' }],
        end: ['videoEnd'],
        body: { type: 'grid', shape: ['variable', 'h', 'w'], frameEnd: 'frameEnd' },
      },
    ],
  };
}
