import { describe, expect, it } from 'vitest';
import { createJointVocabulary } from '../joint-vocabulary.js';
import { janusLayout } from './janus.js';

// Rule (deepseek-ai/Janus): janus/models/processing_vlm.py frames an image as image_start_tag
// "<begin_of_image>", num_image_tokens = 576 image positions, image_end_tag "<end_of_image>";
// generation_inference.py appends image_start_tag to the prompt, samples image_token_num_per_image
// = 576 tokens from `mmgpt.gen_head` (not the LM head) and decodes them with shape
// [.., img_size // patch_size, img_size // patch_size] = 24 × 24 (384 / 16); janus/models/vq_model.py
// ModelArgs.codebook_size = 16384. Marker ids here are illustrative (the layout resolves them by name).
const tokens = new Map<string, number>([['<begin_of_image>', 100016], ['<end_of_image>', 100593]]);

describe('janus preset', () => {
  const vocabulary = createJointVocabulary(janusLayout, { tokens });
  const codes = Int32Array.from({ length: 576 }, (_, i) => (i * 7919) % 16384);
  const image = { modality: 'image', codes, shape: [24, 24], meta: {} };
  const text = { modality: 'text', codes: Int32Array.of(1, 2, 3), shape: [3], meta: {} };

  it('writes <begin_of_image> on the text head, 576 codes as ids of head 1, <end_of_image> on the text head', () => {
    const { ids, heads } = vocabulary.serialize([text, image, text]);
    expect([...ids]).toEqual([1, 2, 3, 100016, ...codes, 100593, 1, 2, 3]);
    expect([...(heads as Uint8Array)]).toEqual([0, 0, 0, 0, ...new Array<number>(576).fill(1), 0, 0, 0, 0]);
    expect(vocabulary.headed).toBe(true);
    expect(vocabulary.spaces[0]).toMatchObject({ head: 1, codebookSize: 16384 });
    expect(vocabulary.spaces[0]!.ids.toArray()).toEqual([[0, 16384]]);
  });

  it('parses with heads and without (the 576-code grid decides the head), to the same blocks', () => {
    const { ids, heads } = vocabulary.serialize([text, image]);
    for (const options of [{ heads }, {}]) {
      const [first, second] = vocabulary.parse(ids, options).blocks;
      expect([...first!.codes]).toEqual([1, 2, 3]);
      expect(second).toMatchObject({ modality: 'image', shape: [24, 24] });
      expect([...second!.codes]).toEqual([...codes]);
    }
  });

  it('allows only head-1 codes inside the image and the text head around it', () => {
    const parser = vocabulary.createParser();
    parser.push(5, 0);
    parser.push(100016, 0);
    const inside = parser.allowedNextByHead();
    expect(inside.heads).toEqual([1]);
    expect(inside.byHead[1]!.toArray()).toEqual([[0, 16384]]);
    for (let i = 0; i < 576; i++) parser.push(codes[i]!, 1);
    expect(parser.allowedNextByHead().heads).toEqual([0]);
    expect(parser.allowedNext().toArray()).toEqual([[100593, 100594]]);
  });
});
