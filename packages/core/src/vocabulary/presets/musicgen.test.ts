import { describe, expect, it } from 'vitest';
import { createJointVocabulary } from '../joint-vocabulary.js';
import { musicgenDelayLayout } from './musicgen.js';

// Rule (facebookresearch/audiocraft, audiocraft/modules/codebooks_patterns.py, DelayedPatternProvider
// .get_pattern): out = [[]] (one empty first step), then for t in range(timesteps + max_delay), codebook
// q holds LayoutCoord(t - delays[q], q) when that is >= 0; positions beyond the sequence or without a
// coordinate hold the special token, which MusicGen's LM sets to its card (2048). Default delays are
// list(range(n_q)) = [0, 1, 2, 3].
describe('musicgen delay preset', () => {
  const vocabulary = createJointVocabulary(musicgenDelayLayout);

  it('lays out 4 codebooks with delays 0..3 after one all-special step', () => {
    const T = 3;
    const cb = [
      [10, 11, 12],
      [20, 21, 22],
      [30, 31, 32],
      [40, 41, 42],
    ];
    const S = 2048;
    // Steps (rows) × codebooks (columns), by hand from the rule: step s, codebook q → frame s - 1 - q.
    const expected = [
      [S, S, S, S],
      [10, S, S, S],
      [11, 20, S, S],
      [12, 21, 30, S],
      [S, 22, 31, 40],
      [S, S, 32, 41],
      [S, S, S, 42],
    ].flat();
    const { ids, spans } = vocabulary.serialize([{ modality: 'audio', codes: Int32Array.from(cb.flat()), shape: [4, T], meta: {} }]);
    expect([...ids]).toEqual(expected);
    expect(spans[0]).toMatchObject({ start: 0, end: 28, shape: [4, 3] });
    expect([...vocabulary.parse(ids).blocks[0]!.codes]).toEqual(cb.flat());
  });

  it('forces the special token where the pattern has no frame', () => {
    const parser = vocabulary.createParser();
    expect(parser.allowedNext().toArray()).toEqual([[2048, 2049]]);
    parser.pushMany([2048, 2048, 2048, 2048]);
    // Step 1: codebook 0 may start (a code) or the block may have T = 0 (special).
    expect(parser.allowedNext().toArray()).toEqual([[0, 2049]]);
    parser.push(7);
    expect(parser.allowedNext().toArray()).toEqual([[2048, 2049]]);
    expect(() => parser.push(5)).toThrowError(/does not fit the audio block/);
  });
});
