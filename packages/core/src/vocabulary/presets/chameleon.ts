import type { LayoutSpec } from '../layout/layout-spec.js';

/**
 * Chameleon / Anole (Meta, GAIR): a 512×512 image is 32×32 VQ codes from an 8192-entry codebook,
 * written between `<racm3:break>` and `<eoss>` with no row separators. Image tokens live inside the
 * 65536-token BPE vocabulary under names `IMGIMG` + the code's decimal digits written as letters
 * A–J + `Z`; the table is read from those names.
 */
export const chameleonLayout: LayoutSpec = {
  format: 'jointok.layout',
  version: 1,
  name: 'chameleon',
  description: 'Chameleon / Anole: <racm3:break> 1024 IMGIMG…Z tokens <eoss>',
  text: { size: 65536 },
  tokens: { boi: { token: '<racm3:break>' }, eoi: { token: '<eoss>' } },
  spaces: [
    {
      name: 'image',
      modality: 'image',
      codes: { type: 'table', prefix: 'IMGIMG', suffix: 'Z', digits: 'ABCDEFGHIJ', codebookSize: 8192 },
      begin: ['boi'],
      end: ['eoi'],
      body: { type: 'grid', shape: [32, 32] },
    },
  ],
};
