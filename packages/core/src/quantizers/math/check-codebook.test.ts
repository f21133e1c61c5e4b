import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import type { Codebook } from './codebook.js';
import { createNearestCodeSearch } from './nearest-code-search.js';
import { nearestCodes } from './nearest-code.js';

const valid: Codebook = { rows: new Float32Array(6), size: 3, dim: 2, metric: 'l2' };
const argumentOf = (call: () => unknown): string | undefined => {
  try {
    call();
  } catch (error) {
    if (InvalidArgumentError.isInstance(error) || ShapeMismatchError.isInstance(error)) return error.argument;
    throw error;
  }
  return undefined;
};

describe('nearest searches check their codebook', () => {
  it('name the field of a malformed codebook', () => {
    const search = (changes: Record<string, unknown>) => () => createNearestCodeSearch({ ...valid, ...changes } as Codebook);
    expect(argumentOf(search({}))).toBeUndefined();
    expect(argumentOf(search({ size: 0 }))).toBe('codebook.size');
    expect(argumentOf(search({ dim: 1.5 }))).toBe('codebook.dim');
    expect(argumentOf(search({ metric: 'cosine' }))).toBe('codebook.metric');
    expect(argumentOf(search({ rows: new Float32Array(5) }))).toBe('codebook.rows');
    expect(argumentOf(search({ rows: [0, 0, 0, 0, 0, 0] }))).toBe('codebook.rows');
    expect(argumentOf(search({ squaredNorms: new Float64Array(2) }))).toBe('codebook.squaredNorms');
    expect(argumentOf(search({ minDistance: '1e-8' }))).toBe('codebook.minDistance');
  });

  it('reject the positional arguments of earlier versions with a typed error, not a crash', () => {
    const old = nearestCodes as unknown as (...args: unknown[]) => Int32Array;
    expect(argumentOf(() => old(new Float32Array(2), 1, 2, new Float32Array(6), 3, 'l2', new Int32Array(1)))).toBe('codebook');
  });
});
