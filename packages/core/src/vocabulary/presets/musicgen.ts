import type { LayoutSpec } from '../layout/layout-spec.js';

/**
 * MusicGen (audiocraft) delay pattern: 4 EnCodec codebooks of 2048 codes predicted by 4 parallel
 * heads; step s, codebook q holds frame `s - 1 - q` (one leading all-special step), and the special
 * token (code 2048, the heads' extra class) fills every other position. A standalone layout: the
 * whole sequence is one block of `(head, code)` values, 4 per step.
 */
export const musicgenDelayLayout: LayoutSpec = {
  format: 'jointok.layout',
  version: 1,
  name: 'musicgen-delay',
  description: 'MusicGen: 4 parallel heads, delays [0,1,2,3], special code 2048',
  text: { size: 0 },
  tokens: { special: { id: 2048 } },
  spaces: [
    {
      name: 'audio',
      modality: 'audio',
      codes: { type: 'head', codebookSize: 2048 },
      begin: [],
      end: [],
      body: { type: 'delay', codebooks: 4, delays: [0, 1, 2, 3], special: 'special' },
    },
  ],
};
