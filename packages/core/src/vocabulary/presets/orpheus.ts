import type { LayoutSpec } from '../layout/layout-spec.js';

/**
 * Orpheus TTS (Canopy Labs): SNAC 24 kHz codes (3 scales at rates 1, 2, 4; 4096 codes each) written
 * as 7-token frames `[s0[f], s1[2f], s2[4f], s2[4f+1], s1[2f+1], s2[4f+2], s2[4f+3]]`, position p
 * offset by `p * 4096` from `<custom_token_10>`, between start-of-speech (`<custom_token_1>`) and
 * end-of-speech (`<custom_token_2>`). The human/AI turn markers are named task tokens.
 */
export const orpheusLayout: LayoutSpec = {
  format: 'jointok.layout',
  version: 1,
  name: 'orpheus',
  description: 'Orpheus: start_of_speech, 7-token SNAC frames with per-position offsets, end_of_speech',
  text: { size: { token: '<custom_token_0>' } },
  tokens: {
    startOfSpeech: { token: '<custom_token_1>' },
    endOfSpeech: { token: '<custom_token_2>' },
    startOfHuman: { token: '<custom_token_3>' },
    endOfHuman: { token: '<custom_token_4>' },
    startOfAi: { token: '<custom_token_5>' },
    endOfAi: { token: '<custom_token_6>' },
  },
  spaces: [
    {
      name: 'speech',
      modality: 'audio',
      codes: { type: 'offset', base: { token: '<custom_token_10>' }, codebookSize: 4096, stride: 4096, reserved: 7 * 4096 },
      begin: ['startOfSpeech'],
      end: ['endOfSpeech'],
      body: {
        type: 'per-position',
        rates: [1, 2, 4],
        positions: [
          { stream: 0, sub: 0 },
          { stream: 1, sub: 0 },
          { stream: 2, sub: 0 },
          { stream: 2, sub: 1 },
          { stream: 1, sub: 1 },
          { stream: 2, sub: 2 },
          { stream: 2, sub: 3 },
        ],
      },
    },
  ],
};
