import type { LayoutSpec } from '../layout/layout-spec.js';

/**
 * AnyGPT (Fudan): image = 32 SEED codes `<👀N>` between `<soim>`/`<eoim>`; speech = SpeechTokenizer's
 * first layer `<🗣️N>` (1024 codes) between `<sosp>`/`<eosp>`; music = 4 EnCodec codebooks of 2048,
 * flattened frame by frame as `<🎶{code + 2048 * layer}>` between `<somu>`/`<eomu>`.
 */
export const anygptLayout: LayoutSpec = {
  format: 'jointok.layout',
  version: 1,
  name: 'anygpt',
  description: 'AnyGPT: <soim> 32 <👀N> <eoim>, <sosp> <🗣️N>… <eosp>, <somu> frame-major 4×<🎶N> <eomu>',
  text: { size: 32000 },
  tokens: {
    soim: { token: '<soim>' },
    eoim: { token: '<eoim>' },
    sosp: { token: '<sosp>' },
    eosp: { token: '<eosp>' },
    somu: { token: '<somu>' },
    eomu: { token: '<eomu>' },
  },
  spaces: [
    { name: 'image', modality: 'image', codes: { type: 'offset', base: { token: '<👀0>' }, codebookSize: 8192 }, begin: ['soim'], end: ['eoim'], body: { type: 'grid', shape: [32] } },
    { name: 'speech', modality: 'audio', codes: { type: 'offset', base: { token: '<🗣️0>' }, codebookSize: 1024 }, begin: ['sosp'], end: ['eosp'], body: { type: 'frame-major', codebooks: 1 } },
    {
      name: 'music',
      modality: 'audio',
      codes: { type: 'offset', base: { token: '<🎶0>' }, codebookSize: 2048, stride: 2048, reserved: 8192 },
      begin: ['somu'],
      end: ['eomu'],
      body: { type: 'frame-major', codebooks: 4 },
    },
  ],
};
