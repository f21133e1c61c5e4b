import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { JointokError } from '../../errors/jointok-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { toyAmbiguousHeadLayout, toyArtifacts, toyLayout, toyMixedHeadLayout } from '../__fixtures__/toy-layouts.js';
import { createJointVocabulary } from '../joint-vocabulary.js';
import type { LayoutSpec } from '../layout/layout-spec.js';
import { HeadIdOutOfRangeError } from './head-id-out-of-range-error.js';
import { UnexpectedHeadError } from './unexpected-head-error.js';
import { UnexpectedTokenIdError } from './unexpected-token-id-error.js';
import { thrown } from '../../__fixtures__/thrown.js';

const mixed = createJointVocabulary(toyMixedHeadLayout, toyArtifacts);
const toy = createJointVocabulary(toyLayout, toyArtifacts);

// toyMixedHeadLayout: text 0..99, <boi> 100 opens head 1 (image, 6 codes, rows of 2, <eoi> 101).
describe('head errors', () => {
  it('a head-space id past its head: HeadIdOutOfRangeError naming position, head, id and size; dropped in lenient mode', () => {
    const error = thrown(() => mixed.parse([7, 100, 1, 6, 101], { heads: [0, 0, 1, 1, 0] }));
    expect(HeadIdOutOfRangeError.isInstance(error) && error.position === 3 && error.head === 1 && error.id === 6 && error.size === 6).toBe(true);
    expect(JointokError.isInstance(error)).toBe(true);
    const parser = mixed.createParser();
    parser.pushMany([7, 100, 1], [0, 0, 1]);
    expect(HeadIdOutOfRangeError.isInstance(thrown(() => parser.push(6, 1)))).toBe(true);
    const lenient = mixed.parse([7, 100, 1, 6, 101], { heads: [0, 0, 1, 1, 0], mode: 'lenient' });
    expect(lenient.repaired).toBe(true);
    expect([...lenient.blocks[0]!.codes]).toEqual([7]);
  });

  it('a head where none is allowed: UnexpectedHeadError listing the allowed heads', () => {
    // A head-1 id in text.
    const inText = thrown(() => mixed.parse([7, 2], { heads: [0, 1] }));
    expect(UnexpectedHeadError.isInstance(inText) && inText.position === 1 && inText.head === 1 && inText.expected === 'head 0 (text)').toBe(true);
    // A text-head id in the middle of an image row (the end marker may come only between rows).
    const midRow = thrown(() => mixed.parse([100, 1, 2], { heads: [0, 1, 0] }));
    expect(UnexpectedHeadError.isInstance(midRow) && midRow.position === 2 && midRow.expected === 'head 1 (image)').toBe(true);
    // A head number that is no head space (speech is an offset space) or past every space.
    for (const head of [2, 9]) expect(UnexpectedHeadError.isInstance(thrown(() => mixed.parse([100, 1], { heads: [0, head] })))).toBe(true);
    // Any head but 0 for a layout without head spaces, in parse and push.
    expect(UnexpectedHeadError.isInstance(thrown(() => toy.parse([1, 2], { heads: [0, 1] })))).toBe(true);
    expect(UnexpectedHeadError.isInstance(thrown(() => toy.createParser().push(1, 1)))).toBe(true);
  });

  it('a text-head end marker mid-row is a head error; a wrong id of the right head stays an UnexpectedTokenIdError with the head id', () => {
    // <eoi> after one code: a row is half written.
    const error = thrown(() => mixed.parse([100, 1, 101], { heads: [0, 1, 0] }));
    expect(UnexpectedHeadError.isInstance(error)).toBe(true);
    const music = thrown(() => mixed.parse([113, 5], { heads: [0, 4] }));
    expect(HeadIdOutOfRangeError.isInstance(music)).toBe(true);
    // Music step 0 is all specials (head id 2; see the serialized [113, 2, 2, 1, 2, 2, 0, 114] of one
    // frame): a code there is the wrong id of the right head, reported as the head's id, not an internal one.
    expect([...mixed.serialize([{ modality: 'music', codes: Int32Array.of(1, 0), shape: [2, 1], meta: {} }]).ids]).toEqual([113, 2, 2, 1, 2, 2, 0, 114]);
    const lane = thrown(() => mixed.parse([113, 1], { heads: [0, 4] }));
    expect(UnexpectedTokenIdError.isInstance(lane) && lane.id === 1 && lane.space === 'music').toBe(true);
  });

  it('bad heads arguments: ShapeMismatchError for the length, InvalidArgumentError for a non-integer head', () => {
    expect(ShapeMismatchError.isInstance(thrown(() => mixed.parse([1, 2], { heads: [0] })))).toBe(true);
    expect(InvalidArgumentError.isInstance(thrown(() => mixed.parse([1, 2], { heads: [0, 0.5] })))).toBe(true);
    expect(InvalidArgumentError.isInstance(thrown(() => mixed.createParser().pushMany([1], 'x' as unknown as number[])))).toBe(true);
  });

  it('ids without heads where an end marker is also a code: InvalidArgumentError asking for heads', () => {
    const vocabulary = createJointVocabulary(toyAmbiguousHeadLayout);
    const { ids, heads } = vocabulary.serialize([{ modality: 'image', codes: Int32Array.of(3, 1), shape: [2], meta: {} }]);
    expect([...ids]).toEqual([100, 3, 1, 3]);
    expect([...heads!]).toEqual([0, 1, 1, 0]);
    expect([...vocabulary.parse(ids, { heads: heads! }).blocks[0]!.codes]).toEqual([3, 1]);
    const error = thrown(() => vocabulary.parse(ids));
    expect(InvalidArgumentError.isInstance(error) && error.argument === 'heads').toBe(true);
  });

  it('more than 255 spaces in a layout with head spaces: InvalidSpecError', () => {
    const spaces = Array.from({ length: 256 }, (_, i) => ({ name: `s${i}`, modality: `m${i}`, codes: { type: 'head', codebookSize: 2 }, begin: [`b${i}`], end: [], body: { type: 'grid', shape: [1] } }));
    const tokens = Object.fromEntries(spaces.map((_, i) => [`b${i}`, { id: 1000 + i }]));
    const layout = { format: 'jointok.layout', version: 1, name: 'many', text: { size: 10 }, tokens, spaces } as unknown as LayoutSpec;
    const error = thrown(() => createJointVocabulary(layout));
    expect(InvalidSpecError.isInstance(error) && error.path === 'spaces').toBe(true);
  });
});
