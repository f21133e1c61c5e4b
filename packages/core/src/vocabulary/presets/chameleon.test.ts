import { describe, expect, it } from 'vitest';
import { createJointVocabulary } from '../joint-vocabulary.js';
import { chameleonLayout } from './chameleon.js';

// Rule (facebookresearch/chameleon, chameleon/inference/vocab.py, VocabInfo / VocabTranslation; and
// transformers models/chameleon ChameleonImageVocabularyMapping): boi = "<racm3:break>", eoi = "<eoss>";
// image token names are "IMGIMG" + each decimal digit of the VQ code written as chr(ord('A') + digit)
// + "Z"; an image is 1024 codes (32 × 32, 512 px / 16) between boi and eoi, no row separators.
// Ids in this fixture: <eoss> 8196, <racm3:break> 8197 (as in the released vocabulary); image tokens
// get ids 4..8195 in a shuffled order so only the name rule can map them.
const letters = (code: number) => [...String(code)].map((d) => String.fromCharCode(65 + Number(d))).join('');
const order = Array.from({ length: 8192 }, (_, c) => c).sort((a, b) => ((a * 7919) % 8192) - ((b * 7919) % 8192));
const tokens = new Map<string, number>([['<eoss>', 8196], ['<racm3:break>', 8197], ['<s>', 0]]);
order.forEach((code, i) => tokens.set(`IMGIMG${letters(code)}Z`, 4 + i));

describe('chameleon preset', () => {
  const vocabulary = createJointVocabulary(chameleonLayout, { tokens });
  const codes = Int32Array.from({ length: 1024 }, (_, i) => (i * 37) % 8192);

  it('serializes an image as <racm3:break>, the IMGIMG…Z ids of its codes, <eoss>', () => {
    const expected = [8197, ...[...codes].map((c) => tokens.get(`IMGIMG${letters(c)}Z`)!), 8196];
    const { ids, spans } = vocabulary.serialize([{ modality: 'text', codes: Int32Array.of(0, 900), shape: [2], meta: {} }, { modality: 'image', codes, shape: [32, 32], meta: {} }]);
    expect([...ids]).toEqual([0, 900, ...expected]);
    expect(spans[1]).toMatchObject({ start: 2, end: 1028, contentStart: 3, contentEnd: 1027, shape: [32, 32] });
    const parsed = vocabulary.parse(ids);
    expect([...parsed.blocks[1]!.codes]).toEqual([...codes]);
    expect(parsed.blocks[1]!.shape).toEqual([32, 32]);
  });

  it('rejects a vocabulary that lacks some image token names', () => {
    const partial = new Map(tokens);
    partial.delete(`IMGIMG${letters(77)}Z`);
    expect(() => createJointVocabulary(chameleonLayout, { tokens: partial })).toThrowError(/8192 codes does not fit its block of 8191/);
  });
});
