import { describe, expect, it } from 'vitest';
import type { AddedToken } from './added-tokens.js';
import type { BpeModelData } from './bpe-model.js';
import { unitReplacementOf } from './unit-replacement.js';

const characterLevel = { byteLevel: false } as BpeModelData;
const replaceSpaces = { type: 'Replace', pattern: { String: ' ' }, content: '▁' };
const gemmaSplit = { type: 'Split', pattern: { String: ' ' }, behavior: 'MergedWithPrevious', invert: false };
const rawToken: AddedToken = { id: 9, content: '<x>', special: false, lstrip: false, rstrip: false, singleWord: false, normalized: false };

describe('unitReplacementOf', () => {
  it("recognises Gemma's shape: Replace ' ' → '▁', a Split on ' ' (or none), raw-matched added tokens", () => {
    const form = { replaced: 0x20, replacement: 0x2581 };
    expect(unitReplacementOf(replaceSpaces, gemmaSplit, [rawToken], characterLevel)).toEqual(form);
    expect(unitReplacementOf(replaceSpaces, null, [], characterLevel)).toEqual(form);
    expect(unitReplacementOf({ type: 'Sequence', normalizers: [replaceSpaces] }, { type: 'Sequence', pretokenizers: [gemmaSplit] }, [], characterLevel)).toEqual(form);
  });

  it.each([
    ['a Prepend before the Replace (Llama 2)', { type: 'Sequence', normalizers: [{ type: 'Prepend', prepend: '▁' }, replaceSpaces] }, null],
    ['a Replace of two units', { ...replaceSpaces, pattern: { String: '  ' } }, null],
    ['a Replace by two units', { ...replaceSpaces, content: '▁▁' }, null],
    ['a Replace by a surrogate', { ...replaceSpaces, content: '\ud83d' }, null],
    ['a Replace by the same unit', { ...replaceSpaces, content: ' ' }, null],
    ['a Replace of a regex', { ...replaceSpaces, pattern: { Regex: ' ' } }, null],
    ['no normalizer', null, null],
    ['a Split on a regex', replaceSpaces, { ...gemmaSplit, pattern: { Regex: ' ' } }],
    ['an inverted Split', replaceSpaces, { ...gemmaSplit, invert: true }],
    ['a Split on a literal without the replaced unit', replaceSpaces, { ...gemmaSplit, pattern: { String: '▁' } }],
    ['a Metaspace pre-tokenizer', replaceSpaces, { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true }],
  ])('declines %s', (_name, normalizer, preTokenizer) => {
    expect(unitReplacementOf(normalizer, preTokenizer, [], characterLevel)).toBeNull();
  });

  it('declines added tokens matched on the normalized text, and byte-level models', () => {
    expect(unitReplacementOf(replaceSpaces, null, [{ ...rawToken, normalized: true }], characterLevel)).toBeNull();
    expect(unitReplacementOf(replaceSpaces, null, [], { byteLevel: true } as BpeModelData)).toBeNull();
  });
});
