// Small layout files that ask for huge blocks or wrapping ids are typed errors, decided in
// microseconds, never a process abort or gigabytes of compiled body.
import { describe, expect, it } from 'vitest';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { UnknownTokenIdError } from '../../errors/unknown-token-id-error.js';
import { CodebookOverflowError } from '../errors/codebook-overflow-error.js';
import { createJointVocabulary } from '../joint-vocabulary.js';
import type { BodySpec, CodesSpec, LayoutSpec } from './layout-spec.js';

const layout = (body: BodySpec | Record<string, unknown>, codes: Partial<CodesSpec> = {}): LayoutSpec =>
  ({
    format: 'jointok.layout',
    version: 1,
    name: 'limits',
    text: { size: 100 },
    tokens: { boi: { id: 100 }, eoi: { id: 101 } },
    spaces: [{ name: 'image', modality: 'image', codes: { type: 'offset', base: { id: 2000 }, codebookSize: 16, ...codes }, begin: ['boi'], end: ['eoi'], body }],
  }) as LayoutSpec;
const pathOf = (spec: LayoutSpec) => {
  try {
    createJointVocabulary(spec);
  } catch (error) {
    if (InvalidSpecError.isInstance(error)) return error.path;
    throw error;
  }
  return undefined;
};

describe('layout size limits', () => {
  it.each([
    ['a grid of 1 × 2^31−1', { type: 'grid', shape: [1, 2 ** 31 - 1] }, 'spaces[0].body.shape'],
    ['a grid of 1 × 1 × 1e8', { type: 'grid', shape: [1, 1, 1e8] }, 'spaces[0].body.shape'],
    ['2000 scales of 46340²', { type: 'multi-scale', scales: Array.from({ length: 2000 }, () => [46340, 46340]) }, 'spaces[0].body.scales'],
    ['two scales of 46340²', { type: 'multi-scale', scales: [[46340, 46340], [46340, 46340]] }, 'spaces[0].body.scales'],
    ['2^31−1 parallel codebooks', { type: 'parallel', codebooks: 2 ** 31 - 1, special: 'boi' }, 'spaces[0].body.codebooks'],
    ['a delay of 1e9', { type: 'delay', codebooks: 2, delays: [0, 1e9], special: 'boi' }, 'spaces[0].body.delays[1]'],
    ['codebook-major frames × codebooks over the limit', { type: 'codebook-major', codebooks: 4096, frames: 8192 }, 'spaces[0].body.frames'],
  ])('refuses %s', (_, body, path) => {
    expect(pathOf(layout(body))).toBe(path);
  });

  it('accepts the largest allowed block quickly', () => {
    const started = performance.now();
    expect(createJointVocabulary(layout({ type: 'grid', shape: [4096, 4096] })).spaces).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('id arithmetic never wraps', () => {
  it('refuses a codebook that runs past 2^31 − 1 above its base', () => {
    expect(() => createJointVocabulary(layout({ type: 'grid', shape: ['variable'] }, { codebookSize: 2 ** 31 - 1 }))).toThrow(CodebookOverflowError);
  });

  it('refuses slots whose stride runs past 2^31 − 1', () => {
    expect(() => createJointVocabulary(layout({ type: 'frame-major', codebooks: 4 }, { stride: 2 ** 31 - 1 }))).toThrow(CodebookOverflowError);
  });
});

describe('ids that are not int32 integers', () => {
  const vocabulary = createJointVocabulary(layout({ type: 'grid', shape: ['variable'] }));
  it.each([[1.5], [Number.NaN], [2 ** 32 + 5], [-(2 ** 31) - 1], ['7' as unknown as number]])('parse refuses %j at its position', (bad) => {
    const error = (() => {
      try {
        vocabulary.parse([1, 2, bad]);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(UnknownTokenIdError.isInstance(error) && error.position === 2).toBe(true);
  });

  it('the incremental parser refuses them too', () => {
    const parser = vocabulary.createParser();
    expect(() => parser.push(1.5)).toThrow(UnknownTokenIdError);
    expect(() => parser.pushMany([3, 2 ** 32])).toThrow(/ids\[1\] is 4294967296/);
  });
});
