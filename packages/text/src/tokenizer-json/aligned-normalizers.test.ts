import { describe, expect, it } from 'vitest';
import { buildAlignedNormalizer } from './aligned-normalizers.js';
import { alignedIdentity } from './aligned-text.js';

// Expected spans worked out by hand from Hugging Face's alignment rules (see the offsets parity test
// for the check against the library itself).
const run = (spec: object, text: string): Array<[string, number, number]> => {
  const out = (buildAlignedNormalizer(spec) as NonNullable<ReturnType<typeof buildAlignedNormalizer>>)(alignedIdentity(text));
  return Array.from({ length: out.text.length }, (_, i) => [out.text[i] as string, out.start[i] as number, out.end[i] as number]);
};

describe('aligned normalizers', () => {
  it('NFD: a decomposed character keeps the span of its source', () => {
    expect(run({ type: 'NFD' }, 'aé')).toEqual([['a', 0, 1], ['e', 1, 2], ['\u0301', 1, 2]]);
  });

  it('NFC: a composed character takes its first source; reordered marks go by position', () => {
    expect(run({ type: 'NFC' }, 'e\u0301x')).toEqual([['é', 0, 1], ['x', 2, 3]]);
    // x + dot below + dot above → ẋ (x with dot above) + dot below: the surplus is skipped after ẋ.
    expect(run({ type: 'NFC' }, 'x\u0323\u0307')).toEqual([['\u1e8b', 0, 1], ['\u0323', 2, 3]]);
  });

  it('NFKC: an expanded ligature keeps its span; astral characters span two units', () => {
    expect(run({ type: 'NFKC' }, 'ﬁ😀')).toEqual([['f', 0, 1], ['i', 0, 1], ['\ud83d', 1, 3], ['\ude00', 1, 3]]);
  });

  it('Replace: the content takes the span of the match’s last character', () => {
    expect(run({ type: 'Replace', pattern: { Regex: ' +' }, content: '▁' }, 'a  b')).toEqual([['a', 0, 1], ['▁', 2, 3], ['b', 3, 4]]);
  });

  it('Prepend takes the first character’s span; Strip and Lowercase keep spans', () => {
    expect(run({ type: 'Sequence', normalizers: [{ type: 'Strip' }, { type: 'Prepend', prepend: '▁' }, { type: 'Lowercase' }] }, ' İA ')).toEqual([
      ['▁', 1, 2],
      ['i', 1, 2],
      ['\u0307', 1, 2],
      ['a', 2, 3],
    ]);
  });
});
