import { describe, expect, it } from 'vitest';
import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { JointokError } from '../../errors/jointok-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { toyArtifacts, toyLayout } from '../__fixtures__/toy-layouts.js';
import { createJointVocabulary } from '../joint-vocabulary.js';
import type { LayoutSpec, SpaceSpec } from '../layout/layout-spec.js';
import { CodebookOverflowError } from './codebook-overflow-error.js';
import { LayoutOverlapError } from './layout-overlap-error.js';
import { TruncatedBlockError } from './truncated-block-error.js';
import { UnexpectedTokenIdError } from './unexpected-token-id-error.js';
import { UnknownTokenIdError } from '../../errors/unknown-token-id-error.js';
import { UnresolvedTokenError } from './unresolved-token-error.js';
import { thrown } from '../../__fixtures__/thrown.js';

const vocabulary = createJointVocabulary(toyLayout, toyArtifacts);
const withSpaces = (spaces: SpaceSpec[]): LayoutSpec => ({ ...toyLayout, spaces });
const speech = toyLayout.spaces[1] as SpaceSpec;

describe('bad id sequences', () => {
  it('truncated block: TruncatedBlockError (strict), the complete units kept and a repair (lenient)', () => {
    const ids = [1, 105, 210, 211]; // speech block with no <eos>
    const error = thrown(() => vocabulary.parse(ids));
    expect(TruncatedBlockError.isInstance(error) && error.space === 'speech' && error.start === 1).toBe(true);
    expect(JointokError.isInstance(error)).toBe(true);
    const lenient = vocabulary.parse(ids, { mode: 'lenient' });
    expect([...lenient.blocks[1]!.codes]).toEqual([0, 1]);
    expect(lenient.repairs).toEqual([expect.objectContaining({ kind: 'closed-partial-block', space: 'speech', droppedIds: 0, position: 4 })]);
  });

  it('id outside every space: UnknownTokenIdError naming the position, dropped with a repair in lenient mode', () => {
    const error = thrown(() => vocabulary.parse([1, 2, 150, 3]));
    expect(UnknownTokenIdError.isInstance(error) && error.position === 2 && error.id === 150).toBe(true);
    const lenient = vocabulary.parse([1, 2, 150, 3], { mode: 'lenient' });
    expect(lenient.blocks.map((b) => [...b.codes])).toEqual([[1, 2, 3]]);
    expect(lenient.repairs).toEqual([expect.objectContaining({ kind: 'dropped-unknown-id', position: 2, droppedIds: 1 })]);
  });

  it('block of the wrong length: a row end where a code belongs is an UnexpectedTokenIdError', () => {
    // "2*2" image whose first row has one code only.
    const ids = [100, 12, 20, 12, 103, 200, 102, 201, 202, 102, 104, 101];
    const error = thrown(() => vocabulary.parse(ids));
    expect(UnexpectedTokenIdError.isInstance(error) && error.position === 6 && error.id === 102 && /slot 0/.test(error.expected)).toBe(true);
    const lenient = vocabulary.parse(ids, { mode: 'lenient' });
    expect(lenient.repaired).toBe(true);
    expect(lenient.repairs[0]).toMatchObject({ kind: 'closed-partial-block', space: 'image', droppedIds: 1 });
    expect(lenient.blocks[0]!.shape).toEqual([0, 2]);
  });

  it('a code out of its slot range inside a block is rejected', () => {
    const error = thrown(() => vocabulary.parse([105, 215, 106]));
    expect(UnexpectedTokenIdError.isInstance(error) && error.id === 215).toBe(true);
  });
});

describe('bad layouts', () => {
  it('overlapping ranges: LayoutOverlapError naming both spaces and the shared ids', () => {
    const clash = { ...speech, name: 'speech2', begin: ['som2'], end: ['eom2'], codes: { type: 'offset' as const, base: { token: '<code0>', shift: 12 }, codebookSize: 4 } };
    const error = thrown(() => createJointVocabulary(withSpaces([speech, clash]), toyArtifacts));
    expect(LayoutOverlapError.isInstance(error) && error.first === 'space speech' && error.second === 'space speech2').toBe(true);
    expect((error as LayoutOverlapError).range).toEqual([212, 214]);
  });

  it('a structure token inside a code range is an overlap', () => {
    const bad = { ...speech, codes: { type: 'offset' as const, base: { token: '<eos>' }, codebookSize: 4 } };
    expect(LayoutOverlapError.isInstance(thrown(() => createJointVocabulary(withSpaces([bad]), toyArtifacts)))).toBe(true);
  });

  it('two spaces opened by the same marker is an overlap', () => {
    const twin = { ...speech, name: 'twin', codes: { type: 'offset' as const, base: { token: '<code0>', shift: 50 }, codebookSize: 4 } };
    const error = thrown(() => createJointVocabulary(withSpaces([speech, twin]), toyArtifacts));
    expect(LayoutOverlapError.isInstance(error) && /begin marker/.test(error.first)).toBe(true);
  });

  it('codebook larger than its block: CodebookOverflowError', () => {
    const bad = { ...(toyLayout.spaces[2] as SpaceSpec), codes: { type: 'offset' as const, base: { token: '<code0>', shift: 20 }, codebookSize: 4, stride: 3 } };
    const error = thrown(() => createJointVocabulary(withSpaces([bad]), toyArtifacts));
    expect(CodebookOverflowError.isInstance(error) && error.codebookSize === 4 && error.capacity === 3).toBe(true);
    const reserved = { ...speech, codes: { type: 'offset' as const, base: { token: '<code0>' }, codebookSize: 8, reserved: 6 } };
    expect(CodebookOverflowError.isInstance(thrown(() => createJointVocabulary(withSpaces([reserved]), toyArtifacts)))).toBe(true);
  });

  it('a token missing from the artifacts: UnresolvedTokenError with the layout path', () => {
    const error = thrown(() => createJointVocabulary({ ...toyLayout, tokens: { ...toyLayout.tokens, boi: { token: '<nope>' } } }, toyArtifacts));
    expect(UnresolvedTokenError.isInstance(error) && error.path === 'tokens.boi' && error.token === '<nope>').toBe(true);
  });

  it('malformed JSON fields: InvalidSpecError with the JSON path', () => {
    const cases: [unknown, string][] = [
      [{ ...toyLayout, version: 2 }, 'version'],
      [{ ...toyLayout, spaces: [{ ...speech, begin: ['nope'] }] }, 'spaces[0].begin[0]'],
      [{ ...toyLayout, spaces: [{ ...speech, body: { type: 'grid', shape: [2, 'variable'] } }] }, 'spaces[0].body.shape[1]'],
      [{ ...toyLayout, spaces: [{ ...speech, body: { type: 'spiral' } }] }, 'spaces[0].body.type'],
      [{ ...toyLayout, spaces: [{ ...speech, codes: { type: 'offset', base: { token: 'x' }, codebookSize: 0 } }] }, 'spaces[0].codes.codebookSize'],
      [{ ...toyLayout, spaces: [{ ...speech, begin: [] }] }, 'spaces[0].begin'],
      [{ ...toyLayout, spaces: [{ ...speech, body: { type: 'per-position', rates: [1, 2], positions: [{ stream: 0, sub: 0 }, { stream: 1, sub: 0 }, { stream: 1, sub: 0 }] } }] }, 'spaces[0].body.positions'],
      [{ ...toyLayout, spaces: [{ ...speech, body: { type: 'delay', codebooks: 2, delays: [1, 0], special: 'eos' } }] }, 'spaces[0].body.delays'],
    ];
    for (const [layout, path] of cases) {
      const error = thrown(() => createJointVocabulary(layout, toyArtifacts));
      expect(InvalidSpecError.isInstance(error) ? error.path : error).toBe(path);
    }
  });
});

describe('bad blocks to serialize', () => {
  it('a block whose shape does not fit its space: ShapeMismatchError naming the expected shape', () => {
    const error = thrown(() => vocabulary.serialize([{ modality: 'audio', codes: new Int32Array(4), shape: [4], meta: { space: 'snac' } }]));
    expect(ShapeMismatchError.isInstance(error) && error.argument === 'blocks[0].shape' && /\[3 \* frames\]/.test(error.expected)).toBe(true);
  });

  it('codes that do not match the shape, codes out of range, text ids out of range', () => {
    expect(ShapeMismatchError.isInstance(thrown(() => vocabulary.serialize([{ modality: 'image', codes: new Int32Array(3), shape: [2, 2], meta: {} }])))).toBe(true);
    const range = thrown(() => vocabulary.serialize([{ modality: 'image', codes: Int32Array.of(0, 1, 9, 0), shape: [2, 2], meta: {} }]));
    expect(CodeOutOfRangeError.isInstance(range) && range.index === 2 && range.value === 9 && range.codebookSize === 5).toBe(true);
    expect(CodeOutOfRangeError.isInstance(thrown(() => vocabulary.serialize([{ modality: 'text', codes: Int32Array.of(100), shape: [1], meta: {} }])))).toBe(true);
  });

  it('ambiguous or unknown spaces and repeated text blocks: InvalidArgumentError', () => {
    const ambiguous = thrown(() => vocabulary.serialize([{ modality: 'audio', codes: new Int32Array(0), shape: [1, 0], meta: {} }]));
    expect(InvalidArgumentError.isInstance(ambiguous) && /meta.space naming one of speech, snac/.test(ambiguous.expected)).toBe(true);
    expect(InvalidArgumentError.isInstance(thrown(() => vocabulary.serialize([{ modality: 'smell', codes: new Int32Array(0), shape: [0], meta: {} }])))).toBe(true);
    const text = { modality: 'text', codes: Int32Array.of(1), shape: [1], meta: {} };
    expect(InvalidArgumentError.isInstance(thrown(() => vocabulary.serialize([text, text])))).toBe(true);
  });
});
