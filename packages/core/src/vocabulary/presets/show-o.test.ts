import { describe, expect, it } from 'vitest';
import { createJointVocabulary } from '../joint-vocabulary.js';
import { showoLayout } from './show-o.js';

// Rule (showlab/Show-o, training/prompting_utils.py, UniversalPrompting): special tokens
// ("<|soi|>", "<|eoi|>", "<|sov|>", "<|eov|>", "<|t2i|>", "<|mmu|>", "<|t2v|>", "<|v2v|>", "<|lvg|>")
// are added after '[PAD]'; t2i prompt = [task token] [sot] [text tokens] [eot] [soi] [image tokens] [eoi];
// image ids are VQ codes + len(text_tokenizer) (training/train.py), i.e. they start right after
// "<|lvg|>". Fixture ids: Phi-1.5's 50295 tokens, '[PAD]' 50295, the specials 50296..50304.
const specials = ['<|soi|>', '<|eoi|>', '<|sov|>', '<|eov|>', '<|t2i|>', '<|mmu|>', '<|t2v|>', '<|v2v|>', '<|lvg|>'];
const tokens = new Map<string, number>([['[PAD]', 50295], ...specials.map((t, i) => [t, 50296 + i] as [string, number])]);

describe('show-o preset', () => {
  const vocabulary = createJointVocabulary(showoLayout, { tokens });

  it('builds a t2i sequence: <|t2i|> sot text eot <|soi|> 256 codes + len(tokenizer) <|eoi|>', () => {
    const bos = 50256;
    const eos = 50256;
    const text = [464, 3797];
    const codes = Int32Array.from({ length: 256 }, (_, i) => (i * 97) % 8192);
    const lenTokenizer = 50305;
    const expected = [50300, bos, ...text, eos, 50296, ...[...codes].map((c) => c + lenTokenizer), 50297];
    const { ids } = vocabulary.serialize([
      { modality: 'text', codes: Int32Array.from([vocabulary.tokenId('t2i'), bos, ...text, eos]), shape: [5], meta: {} },
      { modality: 'image', codes, shape: [16, 16], meta: {} },
    ]);
    expect([...ids]).toEqual(expected);
    const parsed = vocabulary.parse(ids);
    expect(parsed.blocks[1]!.shape).toEqual([16, 16]);
    expect([...parsed.blocks[1]!.codes]).toEqual([...codes]);
  });
});
