import type { LayoutSpec } from '../layout/layout-spec.js';

/**
 * Show-o (Show Lab): image codes (MAGVIT-v2, 8192) are shifted by `len(text_tokenizer)`, i.e. start
 * right after the last added special token `<|lvg|>`; a 256×256 image is 16×16 codes between
 * `<|soi|>` and `<|eoi|>`. Task tokens (`<|t2i|>`, `<|mmu|>`, ...) are ordinary text ids here.
 */
export const showoLayout: LayoutSpec = {
  format: 'jointok.layout',
  version: 1,
  name: 'show-o',
  description: 'Show-o: [task] [sot] text [eot] <|soi|> 256 codes + len(tokenizer) <|eoi|>',
  text: { size: { token: '<|lvg|>', shift: 1 } },
  tokens: {
    soi: { token: '<|soi|>' },
    eoi: { token: '<|eoi|>' },
    sov: { token: '<|sov|>' },
    eov: { token: '<|eov|>' },
    t2i: { token: '<|t2i|>' },
    mmu: { token: '<|mmu|>' },
    t2v: { token: '<|t2v|>' },
    v2v: { token: '<|v2v|>' },
    lvg: { token: '<|lvg|>' },
  },
  spaces: [
    {
      name: 'image',
      modality: 'image',
      codes: { type: 'offset', base: { token: '<|lvg|>', shift: 1 }, codebookSize: 8192 },
      begin: ['soi'],
      end: ['eoi'],
      body: { type: 'grid', shape: [16, 16] },
    },
  ],
};
