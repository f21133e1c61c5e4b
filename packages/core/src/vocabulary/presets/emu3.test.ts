import { describe, expect, it } from 'vitest';
import { createJointVocabulary } from '../joint-vocabulary.js';
import { emu3Layout } from './emu3.js';
import { emu3Tokens } from './__fixtures__/emu3-tokens.js';

// Rule (baaivision/Emu3, emu3/mllm/processing_emu3.py, Emu3Processor.__call__ and to_imgstr):
// image_prompt = boi_token + prefix_template.format(H=h, W=w) ("{H}*{W}") + img_token
//   + eol_token.join(rows of "<|visual token {id:0>6d}|>") + eol_token + eof_token + eoi_token,
// i.e. every row, the last one included, ends with eol. The "H*W" text is tokenized by the Qwen
// tokenizer one digit per token. Fixture ids: see __fixtures__/emu3-tokens.ts.
const tokens = emu3Tokens;

describe('emu3 preset', () => {
  const vocabulary = createJointVocabulary(emu3Layout, { tokens });

  it('writes boi, "H*W" as digit tokens, img, rows each ending in eol, eof, eoi', () => {
    const h = 12;
    const w = 3;
    const codes = Int32Array.from({ length: h * w }, (_, i) => (i * 911) % 32768);
    const expected = [151852, 16, 17, 9, 18, 151851];
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) expected.push(151854 + (codes[r * w + c] as number));
      expected.push(151846);
    }
    expected.push(151847, 151853);
    const { ids } = vocabulary.serialize([{ modality: 'image', codes, shape: [h, w], meta: {} }]);
    expect([...ids]).toEqual(expected);
    const parsed = vocabulary.parse(ids);
    expect(parsed.blocks[0]!.shape).toEqual([12, 3]);
    expect(parsed.blocks[0]!.meta).toEqual({ space: 'image', resolution: [12, 3] });
    expect([...parsed.blocks[0]!.codes]).toEqual([...codes]);
  });

  it('forces visual tokens, row ends and the end markers while streaming', () => {
    const parser = vocabulary.createParser();
    parser.pushMany([151852, 17, 9, 17, 151851]); // "2*2"
    expect(parser.allowedNext().toArray()).toEqual([[151854, 151854 + 32768]]);
    parser.pushMany([151854, 151855]);
    expect(parser.allowedNext().toArray()).toEqual([[151846, 151847]]);
    parser.pushMany([151846, 151856, 151857, 151846]);
    expect(parser.allowedNext().toArray()).toEqual([[151847, 151848]]);
    parser.push(151847);
    expect(parser.allowedNext().toArray()).toEqual([[151853, 151854]]);
  });
});
