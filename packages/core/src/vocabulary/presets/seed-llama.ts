import type { LayoutSpec } from '../layout/layout-spec.js';

/** SEED-LLaMA (Tencent ARC): `<img>` + 32 causal codes `<img_NNNNN>` (8192 codes) + `</img>`. */
export const seedLlamaLayout: LayoutSpec = {
  format: 'jointok.layout',
  version: 1,
  name: 'seed-llama',
  description: 'SEED-LLaMA: <img> 32 × <img_%05d> </img>',
  text: { size: { token: '<img_00000>' } },
  tokens: { boi: { token: '<img>' }, eoi: { token: '</img>' } },
  spaces: [
    {
      name: 'image',
      modality: 'image',
      codes: { type: 'offset', base: { token: '<img_00000>' }, codebookSize: 8192 },
      begin: ['boi'],
      end: ['eoi'],
      body: { type: 'grid', shape: [32] },
    },
  ],
};
