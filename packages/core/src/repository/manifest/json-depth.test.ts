import { describe, expect, it } from 'vitest';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { jsonTextDepth, valueDepth } from '../../spec-input/json-depth.js';
import { parseManifest } from './parse-manifest.js';

describe('valueDepth', () => {
  it('equals the text depth of the same JSON', () => {
    for (const text of ['1', '[]', '{"a":[1,{"b":[]}]}', '[[[[0]]],[1],{"x":{"y":{"z":[]}}}]']) {
      expect(valueDepth(JSON.parse(text))).toBe(jsonTextDepth(text));
    }
  });

  it('counts a shared subtree at its deepest position, not where it is met first', () => {
    // Every link is also a direct child of the root: met first at depth 2, but the chain is 1,000 deep.
    const links: unknown[][] = [];
    for (let i = 0; i < 1000; i++) links.push(i === 0 ? [0] : [links[i - 1]]);
    const root = [...links];
    expect(valueDepth(root, 5000)).toBe(1001);
    expect(valueDepth(root)).toBeGreaterThan(64);
  });

  it('returns Infinity for a value that contains itself, and parseManifest refuses it', () => {
    const cyclic: Record<string, unknown> = { a: { b: [] } };
    ((cyclic['a'] as Record<string, unknown>)['b'] as unknown[]).push(cyclic);
    expect(valueDepth(cyclic)).toBe(Infinity);
    expect(() => parseManifest({ manifestVersion: 1, modality: 'image', family: 'x', files: [], config: cyclic })).toThrowError(InvalidSpecError);
    expect(() => parseManifest({ manifestVersion: 1, modality: 'image', family: 'x', files: [], config: cyclic })).toThrowError(/contains itself/);
  });

  it('passes over large flat arrays and typed arrays without listing them', () => {
    expect(valueDepth({ a: new Array(1_000_000).fill(1), b: new Float32Array(1 << 20) })).toBe(2);
  });
});
