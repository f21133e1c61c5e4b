import type { LayoutSpec } from '../layout/layout-spec.js';

/**
 * Emu3 (BAAI): `<|image start|>` + `{H}*{W}` written as text + `<|image token|>`, then the rows of
 * `<|visual token NNNNNN|>` ids, each row followed by `<|extra_200|>` (end of line), then
 * `<|extra_201|>` (end of frame) and `<|image end|>`. Text ids end where the visual tokens begin.
 */
export const emu3Layout: LayoutSpec = {
  format: 'jointok.layout',
  version: 1,
  name: 'emu3',
  description: 'Emu3: <|image start|>H*W<|image token|> rows of visual tokens + <|extra_200|>, <|extra_201|><|image end|>',
  text: { size: { token: '<|visual token 000000|>' } },
  tokens: {
    boi: { token: '<|image start|>' },
    img: { token: '<|image token|>' },
    eol: { token: '<|extra_200|>' },
    eof: { token: '<|extra_201|>' },
    eoi: { token: '<|image end|>' },
  },
  spaces: [
    {
      name: 'image',
      modality: 'image',
      codes: { type: 'offset', base: { token: '<|visual token 000000|>' }, codebookSize: 32768 },
      begin: ['boi'],
      prefix: [
        { type: 'resolution', template: '{h}*{w}' },
        { type: 'token', token: 'img' },
      ],
      end: ['eof', 'eoi'],
      body: { type: 'grid', shape: ['h', 'w'], rowEnd: 'eol' },
    },
  ],
};
