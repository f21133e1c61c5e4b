import type { LayoutSpec } from '../layout/layout-spec.js';

/**
 * Janus / Janus-Pro (DeepSeek) image generation: the language model's text head writes
 * `<begin_of_image>`, a separate generation head then emits 576 codes (24×24, a 16384-entry VQ
 * codebook) that are ids of that head, not of the text vocabulary, and `<end_of_image>` closes the
 * image on the text head. Text ids are the 102400 of the LM head.
 */
export const janusLayout: LayoutSpec = {
  format: 'jointok.layout',
  version: 1,
  name: 'janus',
  description: 'Janus: <begin_of_image>, 576 codes (24x24) of the 16384-code generation head, <end_of_image>',
  text: { size: 102400 },
  tokens: { boi: { token: '<begin_of_image>' }, eoi: { token: '<end_of_image>' } },
  spaces: [
    {
      name: 'image',
      modality: 'image',
      codes: { type: 'head', codebookSize: 16384 },
      begin: ['boi'],
      end: ['eoi'],
      body: { type: 'grid', shape: [24, 24] },
    },
  ],
};
