import { describe, expect, it } from 'vitest';
import type { TokenBlock } from '../../modality/token-block.js';
import { describeJointVocabulary } from '../../testing/describe-joint-vocabulary.js';
import { createJointVocabulary } from '../joint-vocabulary.js';
import type { LayoutSpec } from '../layout/layout-spec.js';
import { anygptLayout, chameleonLayout, emu3Layout, janusLayout, lavitLayout, layoutPresets, musicgenDelayLayout, orpheusLayout, seedLlamaLayout, showoLayout } from './index.js';
import { emu3Tokens } from './__fixtures__/emu3-tokens.js';

// The JointVocabulary conformance suite over every preset, with small token maps built the way each
// preset's own test builds them (the ids there are cited from the published tokenizers or marked as
// fixture ids).

const block = (modality: string, shape: number[], codes: ArrayLike<number>, space?: string): TokenBlock<string> => ({
  modality,
  codes: Int32Array.from(codes),
  shape,
  meta: space === undefined ? {} : { space },
});
const text = (...ids: number[]) => block('text', [ids.length], ids);
/** `n` codes below `size`, spread over the codebook (first, last and a stride in between). */
const spread = (n: number, size: number) => Array.from({ length: n }, (_, i) => (i === n - 1 ? size - 1 : (i * 7919) % size));

interface PresetCase {
  readonly layout: LayoutSpec;
  readonly tokens: Map<string, number>;
  readonly documents: () => TokenBlock<string>[][];
}

const chameleonTokens = new Map<string, number>([['<eoss>', 8196], ['<racm3:break>', 8197], ['<s>', 0]]);
const letters = (code: number) => [...String(code)].map((d) => String.fromCharCode(65 + Number(d))).join('');
for (let code = 0; code < 8192; code++) chameleonTokens.set(`IMGIMG${letters(code)}Z`, 4 + ((code * 7919) % 8192));


const anygptTokens = new Map<string, number>();
{
  let next = 32000;
  for (let c = 0; c < 8192; c++) anygptTokens.set(`<👀${c}>`, next++);
  for (let c = 0; c < 1024; c++) anygptTokens.set(`<🗣️${c}>`, next++);
  for (let c = 0; c < 8192; c++) anygptTokens.set(`<🎶${c}>`, next++);
  for (const marker of ['<soim>', '<eoim>', '<sosp>', '<eosp>', '<somu>', '<eomu>']) anygptTokens.set(marker, next++);
}

const seedTokens = new Map<string, number>([['<img>', 40192], ['</img>', 40193]]);
for (let code = 0; code < 8192; code++) seedTokens.set(`<img_${String(code).padStart(5, '0')}>`, 32000 + code);

const showoSpecials = ['<|soi|>', '<|eoi|>', '<|sov|>', '<|eov|>', '<|t2i|>', '<|mmu|>', '<|t2v|>', '<|v2v|>', '<|lvg|>'];

const cases: Record<string, PresetCase> = {
  chameleon: {
    layout: chameleonLayout,
    tokens: chameleonTokens,
    documents: () => [[block('image', [32, 32], spread(1024, 8192))], [text(0, 5, 9), block('image', [32, 32], spread(1024, 8192)), text(7)]],
  },
  emu3: {
    layout: emu3Layout,
    tokens: emu3Tokens,
    documents: () => [[text(1, 2), block('image', [3, 4], spread(12, 32768)), text(3)], [block('image', [12, 1], spread(12, 32768))]],
  },
  lavit: {
    layout: lavitLayout,
    tokens: new Map([['[IMG]', 32000], ['[/IMG]', 32001]]),
    documents: () => [[text(1), block('image', [0], []), text(2, 3), block('image', [77], spread(77, 16384))]],
  },
  'seed-llama': {
    layout: seedLlamaLayout,
    tokens: seedTokens,
    documents: () => [[text(1, 2), block('image', [32], spread(32, 8192)), text(3)]],
  },
  anygpt: {
    layout: anygptLayout,
    tokens: anygptTokens,
    documents: () => [
      [text(1), block('image', [32], spread(32, 8192)), text(2), block('audio', [1, 5], spread(5, 1024), 'speech')],
      [block('audio', [4, 3], spread(12, 2048), 'music'), text(9)],
    ],
  },
  'show-o': {
    layout: showoLayout,
    tokens: new Map([['[PAD]', 50295], ...showoSpecials.map((t, i) => [t, 50296 + i] as [string, number])]),
    documents: () => [[text(50300, 50256, 17, 50256), block('image', [16, 16], spread(256, 8192))]],
  },
  orpheus: {
    layout: orpheusLayout,
    tokens: new Map(Array.from({ length: 11 }, (_, n) => [`<custom_token_${n}>`, 128256 + n] as [string, number])),
    documents: () => [[text(5, 128009), block('audio', [14], spread(14, 4096)), text(128009)]],
  },
  'musicgen-delay': {
    layout: musicgenDelayLayout,
    tokens: new Map(),
    documents: () => [[block('audio', [4, 3], spread(12, 2048))], [block('audio', [4, 0], [])]],
  },
  janus: {
    layout: janusLayout,
    tokens: new Map([['<begin_of_image>', 100016], ['<end_of_image>', 100593]]),
    // Codes that equal text and marker ids (5, 100016 % 16384) must still read as codes of the generation head.
    documents: () => [[text(5, 100016 - 1), block('image', [24, 24], [5, 100016 % 16384, ...spread(574, 16384)]), text(100593)], [block('image', [24, 24], spread(576, 16384))]],
  },
};

for (const [name, { layout, tokens, documents }] of Object.entries(cases)) {
  describeJointVocabulary(`${name} preset`, { create: () => createJointVocabulary(layout, { tokens }), documents });
}

describe('preset conformance cases', () => {
  it('cover every preset of layoutPresets (anole shares chameleon\'s layout)', () => {
    const covered = new Set(Object.values(cases).map((c) => c.layout));
    expect(Object.entries(layoutPresets).filter(([, layout]) => !covered.has(layout)).map(([name]) => name)).toEqual([]);
  });
});
