import type { LayoutSpec } from '../layout/layout-spec.js';

/**
 * LaVIT (Jin et al.): a dynamic number of visual tokens (16384-entry codebook) between `[IMG]` and
 * `[/IMG]`, the two ids right after LLaMA's 32000 text tokens; visual ids follow `[/IMG]`.
 */
export const lavitLayout: LayoutSpec = {
  format: 'jointok.layout',
  version: 1,
  name: 'lavit',
  description: 'LaVIT: [IMG] dynamic-length visual tokens [/IMG], codes after [/IMG]',
  text: { size: { token: '[IMG]' } },
  tokens: { boi: { token: '[IMG]' }, eoi: { token: '[/IMG]' } },
  spaces: [
    {
      name: 'image',
      modality: 'image',
      codes: { type: 'offset', base: { token: '[/IMG]', shift: 1 }, codebookSize: 16384 },
      begin: ['boi'],
      end: ['eoi'],
      body: { type: 'grid', shape: ['variable'] },
    },
  ],
};
