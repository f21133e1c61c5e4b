import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './invalid-argument-error.js';
import { InvalidSpecError } from './invalid-spec-error.js';
import { describeValue } from './describe-value.js';

describe('describeValue', () => {
  it('describes small values as JSON-like text', () => {
    expect(describeValue({ levels: [8, 5], type: 'fsq' })).toBe('{"levels": [8, 5], "type": "fsq"}');
    expect(describeValue(12n)).toBe('12n');
    expect(describeValue(Float32Array.of(1, 2))).toBe('Float32Array(2)');
    expect(describeValue(undefined)).toBe('undefined');
  });

  it('stays short and safe for hostile values', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    const huge = 'x'.repeat(50_000_000);
    for (const value of [deep, circular, huge, Array.from({ length: 1e6 }, (_, i) => i), { [Symbol('s')]: 1, f() {} }]) {
      const text = describeValue(value);
      expect(text.length).toBeLessThanOrEqual(120);
    }
    expect(describeValue(circular)).toContain('(circular)');
  });

  it('keeps error messages bounded', () => {
    const error = new InvalidSpecError({ path: 'x', expected: 'a number', received: { big: 10n, text: 'y'.repeat(1e7) } });
    expect(error.message.length).toBeLessThan(300);
    expect(new InvalidArgumentError({ argument: 'x', expected: 'y', received: 1n }).message).toContain('1n');
  });
});
