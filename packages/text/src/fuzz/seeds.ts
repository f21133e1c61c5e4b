import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trainBpe } from '../trainer/index.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Where text's committed regression inputs live. */
export const regressionFolder = join(here, '__fixtures__', 'regressions');

/** A pre-tokenizer pattern of the tiktoken kind (Rust syntax), small enough to fuzz quickly. */
export const SEED_PATTERN = String.raw`'s|'t| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`;

/** The seed vocabularies: a byte-level BPE of 400 tokens trained on the committed corpus sample, as both file kinds. */
export function textSeeds(): { tiktoken: string; tokenizerJson: Record<string, unknown>; specialTokens: Record<string, number> } {
  const corpus = JSON.parse(readFileSync(join(here, '..', '__fixtures__', 'corpus-sample.json'), 'utf8')) as string[];
  const trained = trainBpe(corpus.slice(0, 40), { vocabularySize: 400, pattern: SEED_PATTERN, specialTokens: ['<|endoftext|>'] });
  return { tiktoken: trained.toTiktoken(), tokenizerJson: trained.toTokenizerJson(), specialTokens: trained.specialTokens };
}

/** A hand-made byte-fallback tokenizer.json (SentencePiece style): normalizer, template, decoders. */
export const byteFallbackTokenizerJson = {
  normalizer: { type: 'Sequence', normalizers: [{ type: 'Prepend', prepend: '▁' }, { type: 'Replace', pattern: { String: ' ' }, content: '▁' }] },
  pre_tokenizer: null,
  post_processor: { type: 'TemplateProcessing', single: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }], special_tokens: { '<s>': { id: '<s>', ids: [1] } } },
  decoder: { type: 'Sequence', decoders: [{ type: 'Replace', pattern: { String: '▁' }, content: ' ' }, { type: 'ByteFallback' }, { type: 'Fuse' }, { type: 'Strip', content: ' ', start: 1, stop: 0 }] },
  added_tokens: [{ id: 1, content: '<s>', special: true }],
  model: {
    type: 'BPE',
    byte_fallback: true,
    unk_token: '<unk>',
    vocab: { '<unk>': 0, '<s>': 1, '<0xC3>': 2, '<0xA9>': 3, '▁': 4, a: 5, b: 6, '▁a': 7, ab: 8, '▁ab': 9 },
    merges: ['a b', '▁ a', '▁ ab'],
  },
};
