import { CodeOutOfRangeError, InvalidArgumentError } from '@jointok/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { integerBpe, trainIntegerBpe } from './integer-bpe.js';

describe('integer BPE', () => {
  it('round-trips any code sequence exactly', () => {
    const training = Array.from({ length: 40 }, (_, s) => Array.from({ length: 64 }, (_, i) => ((i * 7 + s) % 13) % 5));
    const bpe = trainIntegerBpe(training, { alphabetSize: 5, vocabularySize: 40 });
    expect(bpe.merges.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 200 }), (codes) => {
        const ids = bpe.encode(codes);
        expect(Array.from(bpe.decode(ids))).toEqual(codes);
        expect(ids.length).toBeLessThanOrEqual(codes.length);
      }),
    );
  });

  it('compresses repeated structure', () => {
    const bpe = trainIntegerBpe([[1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4]], { alphabetSize: 8, vocabularySize: 11 });
    // (1,2), (2,3), (3,4) all occur 3 times: the smallest ids win, (1,2) → 8. Then (8,3) and (3,4)
    // tie at 3 and (3,4) has the smaller left id → 9. Then (8,9)×3 → 10: each 1,2,3,4 is one id.
    expect(bpe.merges).toEqual([
      [1, 2],
      [3, 4],
      [8, 9],
    ]);
    expect(Array.from(bpe.encode([1, 2, 3, 4, 1, 2, 3, 4]))).toEqual([10, 10]);
  });

  it('2-D: merges only horizontally adjacent codes within a row', () => {
    // Rows of width 2: [5,6] [5,6] ... The pair (6,5) occurs only across row ends and must never merge.
    const grid = [5, 6, 5, 6, 5, 6, 5, 6];
    const bpe = trainIntegerBpe([grid], { alphabetSize: 7, vocabularySize: 20, width: 2 });
    expect(bpe.merges).toEqual([[5, 6]]);
    const { ids, rowLengths } = bpe.encode2d(grid, 2);
    expect(Array.from(ids)).toEqual([7, 7, 7, 7]);
    expect(Array.from(rowLengths)).toEqual([1, 1, 1, 1]);
    expect(Array.from(bpe.decode2d(ids, rowLengths))).toEqual(grid);
    // Without rows, (6,5) would be merged too.
    expect(trainIntegerBpe([grid], { alphabetSize: 7, vocabularySize: 20 }).merges.length).toBeGreaterThan(1);
  });

  it('rejects codes out of range, bad widths and bad merges with typed errors', () => {
    const bpe = integerBpe(4, [[0, 1]]);
    expect(() => bpe.encode([0, 4])).toThrow(CodeOutOfRangeError);
    expect(() => bpe.decode([5])).toThrow(CodeOutOfRangeError);
    expect(() => bpe.encode2d([0, 1, 2], 2)).toThrow(InvalidArgumentError);
    expect(() => integerBpe(4, [[0, 9]])).toThrow(InvalidArgumentError);
    expect(() => trainIntegerBpe([[0, 1]], { alphabetSize: 4, vocabularySize: 2 })).toThrow(InvalidArgumentError);
  });
});
