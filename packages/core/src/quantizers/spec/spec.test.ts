import { describe, expect, it } from 'vitest';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { WeightsMismatchError } from '../../errors/weights-mismatch-error.js';
import { createQuantizer } from '../create-quantizer.js';
import { readWeight, readOptionalWeight } from './read-weight.js';
import { readBoolean, readEnum, readInteger, readIntegerArray, readNumber, readOptionalInteger } from './spec-fields.js';

function pathOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (InvalidSpecError.isInstance(e)) return e.path;
    throw e;
  }
  return undefined;
}

describe('spec field readers', () => {
  it('read valid fields and defaults', () => {
    expect(readInteger({ n: 4 }, 'n', { min: 1 })).toBe(4);
    expect(readInteger({}, 'n', { default: 2 })).toBe(2);
    expect(readOptionalInteger({}, 'n')).toBeUndefined();
    expect(readNumber({ eps: 1e-3 }, 'eps', { min: 0 })).toBe(1e-3);
    expect(readBoolean({}, 'flag', true)).toBe(true);
    expect(readEnum({ m: 'cosine' }, 'm', ['euclidean', 'cosine'])).toBe('cosine');
    expect(readIntegerArray({ levels: [8, 5] }, 'levels', { min: 2 })).toEqual([8, 5]);
  });

  it('name the offending field', () => {
    expect(pathOf(() => readInteger({ n: 1.5 }, 'n'))).toBe('n');
    expect(pathOf(() => readInteger({ n: 0 }, 'n', { min: 1 }))).toBe('n');
    expect(pathOf(() => readNumber({ eps: Number.NaN }, 'eps'))).toBe('eps');
    expect(pathOf(() => readBoolean({ flag: 'yes' }, 'flag', false))).toBe('flag');
    expect(pathOf(() => readEnum({ m: 'manhattan' }, 'm', ['euclidean']))).toBe('m');
    expect(pathOf(() => readIntegerArray({ levels: [] }, 'levels'))).toBe('levels');
    expect(pathOf(() => readIntegerArray({ levels: [8, 1] }, 'levels', { min: 2 }))).toBe('levels[1]');
    expect(pathOf(() => readIntegerArray({ levels: '8,5' }, 'levels'))).toBe('levels');
  });
});

describe('documented limits on counts and widths', () => {
  it('refuses stage counts and vector widths past MAX_QUANTIZER_STAGES and MAX_VECTOR_DIM before allocating', () => {
    // Found by the core/quantizer-spec fuzz target: 2^31 residual FSQ stages asked for a 32 GiB Float32Array.
    const cases: Record<string, unknown>[] = [
      { type: 'residual-fsq', levels: [8, 5, 5, 5], numQuantizers: 2 ** 31 },
      { type: 'residual-fsq', levels: [8, 5, 5, 5], numQuantizers: 4097 },
      { type: 'fsq', levels: [8, 5, 5, 5], numCodebooks: 5000 },
      { type: 'lfq', codebookSize: 16, numCodebooks: 2 ** 20 },
      { type: 'grouped-vq', groups: 2 ** 30, codebookSize: 2, dim: 2 ** 30 },
      { type: 'vq', codebookSize: 2, dim: 2 ** 17 },
      { type: 'residual-vq', numQuantizers: 8192, codebookSize: 2, dim: 4 },
      { type: 'residual-fsq', levels: [8, 5, 5, 2906], numQuantizers: 3700 },
      // Holes pass forEach and every: levels of new Array(3) once made a codebook of NaN codes.
      { type: 'fsq', levels: new Array(3) },
      { type: 'fsq', levels: [8, , 5] },
      { type: 'residual-fsq', levels: [8, 5], numQuantizers: 2, bound: 'tanh', softClampInputValue: [1, ,] },
    ];
    for (const spec of cases) expect(() => createQuantizer(spec as { type: string })).toThrowError(InvalidSpecError);
    expect(createQuantizer({ type: 'residual-fsq', levels: [8, 5, 5, 5], numQuantizers: 4096 }).numCodebooks).toBe(4096);
  });
});

describe('readWeight', () => {
  const codebook = { type: 'float32' as const, dims: [4, 2], data: new Float32Array(8) };

  it('accepts a tensor or a bare array of the right size, ignoring size-1 dims', () => {
    expect(readWeight({ codebook }, 'codebook', [4, 2])).toBe(codebook.data);
    expect(readWeight({ codebook: new Float32Array(8) }, 'codebook', [4, 2]).length).toBe(8);
    expect(readWeight({ w: { type: 'float32', dims: [4, 2, 1], data: new Float32Array(8) } }, 'w', [4, 2]).length).toBe(8);
    expect(readOptionalWeight({}, 'bias', [4])).toBeUndefined();
  });

  it('names a missing or misshapen weight and the shape it expected', () => {
    expect(() => readWeight({}, 'codebook', [4, 2])).toThrow(WeightsMismatchError);
    expect(() => readWeight({ codebook }, 'codebook', [2, 4])).toThrow(/float32 \[2, 4\]/);
    expect(() => readWeight({ codebook: new Float32Array(6) }, 'codebook', [4, 2])).toThrow(WeightsMismatchError);
    expect(() => readWeight({ codebook: { type: 'int32', dims: [4, 2], data: new Int32Array(8) } as never }, 'codebook', [4, 2])).toThrow(WeightsMismatchError);
  });
});
