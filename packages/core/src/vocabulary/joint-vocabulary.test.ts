import { describe, expect, it } from 'vitest';
import { toyArtifacts, toyHeadLayout, toyLayout } from './__fixtures__/toy-layouts.js';
import { createJointVocabulary } from './joint-vocabulary.js';

const vocabulary = createJointVocabulary(toyLayout, toyArtifacts);
const block = (modality: string, codes: number[], shape: number[], space?: string) => ({
  modality,
  codes: Int32Array.from(codes),
  shape,
  meta: space === undefined ? {} : { space },
});

describe('JointVocabulary.serialize', () => {
  it('writes an Emu3-like image as boi, h*w, img, rows with row ends, eof, eoi', () => {
    const { ids, spans } = vocabulary.serialize([block('text', [1, 2], [2]), block('image', [0, 1, 2, 3, 4, 0], [2, 3])]);
    // By hand: boi=100, '2'=12, '*'=20, '3'=13, img=103, codes at 200+, eol=102, eof=104, eoi=101.
    expect([...ids]).toEqual([1, 2, 100, 12, 20, 13, 103, 200, 201, 202, 102, 203, 204, 200, 102, 104, 101]);
    expect(spans).toEqual([
      { start: 0, end: 2, contentStart: 0, contentEnd: 2, modality: 'text', space: null, shape: [2] },
      { start: 2, end: 17, contentStart: 7, contentEnd: 15, modality: 'image', space: 'image', shape: [2, 3] },
    ]);
  });

  it('interleaves multi-rate streams per position with per-position offsets', () => {
    // Streams: rate 1 [a0, a1], rate 2 [b0, b1, b2, b3]; frame f = a_f, b_2f, b_2f+1; slot p adds 3p.
    const { ids } = vocabulary.serialize([block('audio', [1, 0, 0, 1, 1, 0], [6], 'snac')]);
    expect([...ids]).toEqual([107, 220 + 1, 223 + 0, 226 + 1, 220 + 0, 223 + 1, 226 + 0, 108]);
  });

  it('writes the delay pattern with special tokens where no frame is due', () => {
    // audiocraft DelayedPatternProvider, 3 codebooks, delays [0,1,2], T=2: 1 + 2 + 2 = 5 steps.
    const { ids } = vocabulary.serialize([block('music', [1, 0, 0, 1, 1, 1], [3, 2])]);
    const S = 112;
    expect([...ids]).toEqual([113, S, S, S, 260 + 1, S, S, 260 + 0, 262 + 0, S, S, 262 + 1, 264 + 1, S, S, 264 + 1, 114]);
  });
});

describe('JointVocabulary.parse', () => {
  it('reads back what serialize wrote', () => {
    const blocks = [block('text', [5], [1]), block('video', [0, 1, 2, 0, 1, 1, 1, 1], [2, 2, 2]), block('audio', [3, 2, 1], [1, 3], 'speech')];
    const { ids } = vocabulary.serialize(blocks);
    const parsed = vocabulary.parse(ids);
    expect(parsed.blocks.map((b) => [b.modality, [...b.codes], b.shape])).toEqual(blocks.map((b) => [b.modality, [...b.codes], b.shape]));
    expect(parsed.repaired).toBe(false);
  });

  it('reads a standalone head sequence', () => {
    const head = createJointVocabulary(toyHeadLayout);
    const { ids } = head.serialize([block('audio', [0, 1, 2, 2, 1, 0], [2, 3])]);
    // 1 empty step + 3 frames + delay 1 = 5 steps of 2 lanes; special code 3.
    expect([...ids]).toEqual([3, 3, 0, 3, 1, 2, 2, 1, 3, 0]);
    expect([...head.parse(ids).blocks[0]!.codes]).toEqual([0, 1, 2, 2, 1, 0]);
  });
});
