import { describe, expect, it } from 'vitest';
import { toyArtifacts, toyHeadLayout, toyLayout, toyMixedHeadLayout } from './__fixtures__/toy-layouts.js';
import { HeadedIdRanges } from './headed-id-ranges.js';
import { IdRanges } from './id-ranges.js';
import { createJointVocabulary } from './joint-vocabulary.js';

describe('HeadedIdRanges', () => {
  it('answers per head and, without a head, for the union', () => {
    const ranges = new HeadedIdRanges([IdRanges.fromRanges([[101, 102]]), IdRanges.fromRanges([[0, 6]]), IdRanges.empty]);
    expect(ranges.has(3)).toBe(true);
    expect(ranges.has(3, 1)).toBe(true);
    expect(ranges.has(3, 0)).toBe(false);
    expect(ranges.has(101, 0)).toBe(true);
    expect(ranges.has(101, 1)).toBe(false);
    expect(ranges.has(3, 2)).toBe(false);
    expect(ranges.has(3, 7)).toBe(false);
    expect(ranges.heads).toEqual([0, 1]);
    expect(ranges.toArray()).toEqual([[0, 6], [101, 102]]);
  });
});

describe('heads on the joint vocabulary', () => {
  const mixed = createJointVocabulary(toyMixedHeadLayout, toyArtifacts);

  it('reports which spaces are head spaces and their head ids', () => {
    expect(mixed.headed).toBe(true);
    expect(mixed.spaces.map((s) => [s.name, s.head, s.ids.toArray()])).toEqual([
      ['image', 1, [[0, 6]]],
      ['speech', 0, [[210, 214]]],
      ['tile', 3, [[0, 200]]],
      ['music', 4, [[0, 2]]],
    ]);
    const standalone = createJointVocabulary(toyHeadLayout);
    expect(standalone.headed).toBe(false);
    expect(standalone.spaces[0]!.head).toBe(0);
  });

  it('offers a variable image body its codes and, between rows, the end marker on the text head', () => {
    const parser = mixed.createParser();
    parser.pushMany([7, 100], [0, 0]);
    const atRowStart = parser.allowedNextByHead();
    expect(atRowStart.heads).toEqual([0, 1]);
    expect(atRowStart.byHead[0]!.toArray()).toEqual([[101, 102]]);
    expect(atRowStart.byHead[1]!.toArray()).toEqual([[0, 6]]);
    parser.push(5, 1);
    expect(parser.allowedNextByHead().heads).toEqual([1]);
    const events = parser.push(4, 1);
    expect(events).toEqual([expect.objectContaining({ type: 'segment-delta', id: 4, code: 4, space: 'image' })]);
    const end = parser.push(101);
    expect(end.find((e) => e.type === 'segment-end')).toMatchObject({ block: { modality: 'image', shape: [1, 2] } });
  });

  it('a tile code equal to its end marker (110) is a code until the 2×2 grid is full, without heads too', () => {
    const { ids, heads } = mixed.serialize([{ modality: 'tile', codes: Int32Array.of(110, 110, 1, 110), shape: [2, 2], meta: {} }]);
    expect([...ids]).toEqual([109, 110, 110, 1, 110, 110]);
    expect([...heads!]).toEqual([0, 3, 3, 3, 3, 0]);
    expect([...mixed.parse(ids).blocks[0]!.codes]).toEqual([110, 110, 1, 110]);
  });

  it('layouts without head spaces take heads of zeros and nothing else', () => {
    const toy = createJointVocabulary(toyLayout, toyArtifacts);
    const { ids } = toy.serialize([{ modality: 'text', codes: Int32Array.of(1, 2), shape: [2], meta: {} }, { modality: 'audio', codes: Int32Array.of(3), shape: [1, 1], meta: { space: 'speech' } }]);
    expect(toy.serialize([{ modality: 'text', codes: Int32Array.of(1), shape: [1], meta: {} }]).heads).toBeUndefined();
    expect(toy.parse(ids, { heads: new Uint8Array(ids.length) }).blocks).toEqual(toy.parse(ids).blocks);
    const parser = toy.createParser();
    parser.pushMany(ids, new Array<number>(ids.length).fill(0));
    expect(parser.canFinish()).toBe(true);
    expect(parser.allowedNextByHead().heads).toEqual([0]);
  });
});
