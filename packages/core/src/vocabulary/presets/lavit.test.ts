import { describe, expect, it } from 'vitest';
import { createJointVocabulary } from '../joint-vocabulary.js';
import { lavitLayout } from './lavit.js';

// Rule (jy0205/LaVIT, LaVIT/models/lavit_for_generation.py): generation starts from image_start_token
// 32000 ([IMG]) with eos_token_id 32001 ([/IMG]); visual_vocab_size 16384; generate_image_embeds
// recovers codes as `image_token - 32002`, and the number of tokens is dynamic.
const tokens = new Map<string, number>([['[IMG]', 32000], ['[/IMG]', 32001]]);

describe('lavit preset', () => {
  const vocabulary = createJointVocabulary(lavitLayout, { tokens });

  it('writes [IMG], code + 32002 for a dynamic number of codes, [/IMG]', () => {
    for (const length of [0, 1, 77]) {
      const codes = Int32Array.from({ length }, (_, i) => (i * 1237) % 16384);
      const { ids } = vocabulary.serialize([{ modality: 'image', codes, shape: [length], meta: {} }]);
      expect([...ids]).toEqual([32000, ...[...codes].map((c) => c + 32002), 32001]);
      expect([...vocabulary.parse(ids).blocks[0]!.codes]).toEqual([...codes]);
    }
  });

  it('lets [/IMG] end the block at any length', () => {
    const parser = vocabulary.createParser();
    parser.pushMany([5, 32000, 32002 + 9]);
    expect(parser.allowedNext().toArray()).toEqual([[32001, 32002 + 16384]]);
  });
});
