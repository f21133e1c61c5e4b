import { describe, expect, it } from 'vitest';
import {
  CodeOutOfRangeError,
  InvalidArgumentError,
  InvalidSpecError,
  JointokError,
  MAX_ERROR_MESSAGE_LENGTH,
  MissingDependencyError,
  NonFiniteValueError,
  ShapeMismatchError,
  UnsupportedError,
  WeightsMismatchError,
} from './index.js';
import { UnknownTokenIdError } from './unknown-token-id-error.js';

describe('JointokError hierarchy', () => {
  const samples = [
    new InvalidArgumentError({ argument: 'x', expected: 'a number', received: 'abc' }),
    new ShapeMismatchError({ argument: 'latents', expected: '[B, 4, ...]', received: [1, 3] }),
    new NonFiniteValueError({ argument: 'latents', index: 3, value: Number.NaN }),
    new CodeOutOfRangeError({ argument: 'codes', index: 0, value: 512, codebookSize: 512 }),
    new InvalidSpecError({ path: 'levels[1]', expected: 'an integer ≥ 2', received: 1 }),
    new UnsupportedError({ feature: 'quantizer type "foo"', supported: ['fsq'] }),
    new WeightsMismatchError({ weight: 'codebook', expected: 'float32 [16, 8]', received: 'float32 [16, 4]' }),
    new MissingDependencyError({ packageName: 'onnxruntime-node', purpose: 'Running ONNX models in Node' }),
  ];

  it('gives every error a distinct stable code, a name and the base marker', () => {
    const codes = samples.map((e) => e.code);
    expect(new Set(codes).size).toBe(samples.length);
    expect(codes).toEqual([
      'invalid-argument', 'shape-mismatch', 'non-finite-value', 'code-out-of-range',
      'invalid-spec', 'unsupported', 'weights-mismatch', 'missing-dependency',
    ]);
    for (const e of samples) {
      expect(e).toBeInstanceOf(Error);
      expect(JointokError.isInstance(e)).toBe(true);
      expect(e.name).toBe(e.constructor.name);
    }
  });

  it('recognises only its own subclass', () => {
    const [invalid, shape] = samples;
    expect(ShapeMismatchError.isInstance(shape)).toBe(true);
    expect(ShapeMismatchError.isInstance(invalid)).toBe(false);
    expect(JointokError.isInstance(new Error('plain'))).toBe(false);
    expect(JointokError.isInstance(null)).toBe(false);
    expect(JointokError.isInstance('shape-mismatch')).toBe(false);
  });

  it('recognises errors from a second copy of the package through the Symbol.for marker', () => {
    // A copy loaded twice has its own classes but the same global symbols: simulate it by an
    // object carrying the markers without our prototype chain.
    const foreign = Object.assign(new Error('from another copy'), {
      [Symbol.for('jointok.error')]: true,
      [Symbol.for('jointok.error.shape-mismatch')]: true,
      code: 'shape-mismatch',
    });
    expect(foreign instanceof ShapeMismatchError).toBe(false);
    expect(JointokError.isInstance(foreign)).toBe(true);
    expect(ShapeMismatchError.isInstance(foreign)).toBe(true);
    expect(CodeOutOfRangeError.isInstance(foreign)).toBe(false);
  });

  it('names the field and the expected value in its message and fields', () => {
    const e = new InvalidSpecError({ path: 'levels[1]', expected: 'an integer ≥ 2', received: 1 });
    expect(e.message).toContain('levels[1]');
    expect(e.message).toContain('an integer ≥ 2');
    expect(e.path).toBe('levels[1]');
    const range = new CodeOutOfRangeError({ argument: 'codes', index: 4, value: -1, codebookSize: 16 });
    expect(range.message).toContain('[0, 16)');
    expect(range.index).toBe(4);
  });

  it('keeps the cause', () => {
    const cause = new Error('root');
    expect(new UnsupportedError({ feature: 'x', cause }).cause).toBe(cause);
  });

  it('bounds every message, whatever a subclass or a caller quotes into it', () => {
    // A fuzzed tokenizer.json once gave an UnknownTokenIdError of 2,000,094 characters.
    const huge = 'x'.repeat(2_000_000);
    const quoted = [
      new UnknownTokenIdError({ id: huge as unknown as number, position: 3, vocabularySize: 10 }),
      new UnsupportedError({ feature: huge, message: `the feature ${huge} (end)` }),
      new WeightsMismatchError({ weight: 'w', expected: huge, received: huge }),
      new JointokError('x', `${'a'.repeat(5000)}THE END`),
    ];
    for (const error of quoted) expect(error.message.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE_LENGTH);
    expect(quoted[0]!.message).toContain('ids[3] is "xxx');
    expect(quoted[3]!.message.startsWith('aaa')).toBe(true);
    expect(quoted[3]!.message.endsWith('THE END')).toBe(true);
    expect(quoted[3]!.message).toMatch(/characters cut/);
    const short = new JointokError('x', 'short and whole');
    expect(short.message).toBe('short and whole');
  });
});
