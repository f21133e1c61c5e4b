import { describe, expect, it } from 'vitest';
import { learnMerges } from './learn-merges.js';

describe('learnMerges', () => {
  it('merges the most frequent pair first, ties to the smallest ids, and honours minFrequency', () => {
    // Pair counts: (0,1)×3, (1,0)×1, (1,2)×1 → merge (0,1) into 3; words become [3,3] and [3,2]:
    // (3,2)×1 and (3,3)×1 tie, and (3,2) has the smaller right id.
    const words = [
      [0, 1, 0, 1],
      [0, 1, 2],
    ];
    expect(learnMerges(words, [1, 1], { firstId: 3, maxMerges: 5 })).toEqual([[0, 1]]);
    // With minFrequency 1: (3,2) → 4 leaves words [3,3] and [4]; then (3,3) → 5.
    expect(learnMerges(words, [1, 1], { firstId: 3, maxMerges: 5, minFrequency: 1 })).toEqual([
      [0, 1],
      [3, 2],
      [3, 3],
    ]);
  });

  it('weights words and updates counts that fall', () => {
    // "ab" ×5 and "bc" ×4 and "abc" ×1: (a,b)=6 first; then (b,c) only 4 (its abc copy is gone).
    const merges = learnMerges([[0, 1], [1, 2], [0, 1, 2]], [5, 4, 1], { firstId: 3, maxMerges: 3 });
    expect(merges).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('skips forbidden pairs', () => {
    expect(learnMerges([[0, 1, 0, 1, 2, 2]], [3], { firstId: 3, maxMerges: 1, forbid: (a, b) => a === 0 && b === 1 })).toEqual([[1, 0]]);
  });
});
