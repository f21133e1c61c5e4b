import { describe, expect, it } from 'vitest';
import { createJointVocabulary } from '../joint-vocabulary.js';
import { seedLlamaLayout } from './seed-llama.js';

// Rule (AILab-CVC/SEED, scripts/seed_llama_inference_8B.py): BOI_TOKEN '<img>', EOI_TOKEN '</img>',
// IMG_TOKEN '<img_{:05d}>', NUM_IMG_TOKNES 32, NUM_IMG_CODES 8192, image_id_shift 32000 (so
// '<img_00000>' is 32000); img_tokens = BOI + ''.join(IMG_TOKEN.format(code)) + EOI.
// '<img>' / '</img>' get fixture ids after the image tokens.
const tokens = new Map<string, number>([['<img>', 40192], ['</img>', 40193]]);
for (let code = 0; code < 8192; code++) tokens.set(`<img_${String(code).padStart(5, '0')}>`, 32000 + code);

describe('seed-llama preset', () => {
  const vocabulary = createJointVocabulary(seedLlamaLayout, { tokens });

  it('writes <img>, 32 <img_NNNNN> tokens, </img>', () => {
    const codes = Int32Array.from({ length: 32 }, (_, i) => (i * 255) % 8192);
    const expected = [tokens.get('<img>')!, ...[...codes].map((c) => tokens.get(`<img_${String(c).padStart(5, '0')}>`)!), tokens.get('</img>')!];
    const { ids } = vocabulary.serialize([{ modality: 'image', codes, shape: [32], meta: {} }]);
    expect([...ids]).toEqual(expected);
    expect([...vocabulary.parse(ids).blocks[0]!.codes]).toEqual([...codes]);
  });

  it('rejects an image of the wrong length in strict mode and repairs it in lenient mode', () => {
    const ids = [40192, ...Array.from({ length: 31 }, () => 32005), 40193];
    expect(() => vocabulary.parse(ids)).toThrowError(/does not fit the image block/);
    const lenient = vocabulary.parse(ids, { mode: 'lenient' });
    expect(lenient.repaired).toBe(true);
    // The early </img> closes the block: 31 complete codes kept, nothing dropped, the repair reported.
    expect(lenient.repairs).toEqual([expect.objectContaining({ kind: 'closed-partial-block', droppedIds: 0, position: 32 })]);
    expect(lenient.blocks[0]!.shape).toEqual([31]);
    expect(lenient.spans[0]).toMatchObject({ start: 0, end: 33 });
  });
});
