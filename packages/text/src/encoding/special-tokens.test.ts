import { InvalidArgumentError } from '@jointok/core';
import { get_encoding } from 'tiktoken';
import { describe, expect, it } from 'vitest';
import { DisallowedSpecialTokenError } from '../errors/index.js';
import { cl100kBase } from '../encodings/cl100k-base.js';

const reference = get_encoding('cl100k_base');
const ours = cl100kBase();
const text = 'a<|endoftext|>b<|fim_prefix|>c <|endofprompt|>';

describe('special-token policy (tiktoken semantics, checked against tiktoken)', () => {
  it('disallows every special literal by default, naming it and its offset', () => {
    expect(() => reference.encode(text)).toThrow();
    try {
      ours.encode(text);
      expect.unreachable();
    } catch (error) {
      expect(DisallowedSpecialTokenError.isInstance(error)).toBe(true);
      expect((error as DisallowedSpecialTokenError).token).toBe('<|endoftext|>');
      expect((error as DisallowedSpecialTokenError).offset).toBe(1);
    }
  });

  it("allowedSpecial: 'all' encodes literals as special ids", () => {
    expect(ours.encode(text, { allowedSpecial: 'all' })).toEqual(Array.from(reference.encode(text, 'all')));
  });

  it('allows a subset and still rejects the rest', () => {
    const some = ['<|endoftext|>', '<|fim_prefix|>', '<|endofprompt|>'];
    expect(ours.encode(text, { allowedSpecial: some })).toEqual(Array.from(reference.encode(text, some)));
    expect(() => ours.encode(text, { allowedSpecial: ['<|endoftext|>'] })).toThrow(/<\|fim_prefix\|>/);
  });

  it('disallowedSpecial: [] encodes special literals as plain text, like encodeOrdinary', () => {
    const expected = Array.from(reference.encode(text, [], []));
    expect(ours.encode(text, { disallowedSpecial: [] })).toEqual(expected);
    expect(ours.encodeOrdinary(text)).toEqual(expected);
    expect(expected).not.toContain(100257);
  });

  it('mixes: one literal allowed, the others plain text', () => {
    const options = { allowedSpecial: ['<|fim_prefix|>'], disallowedSpecial: [] as string[] };
    expect(ours.encode(text, options)).toEqual(Array.from(reference.encode(text, ['<|fim_prefix|>'], [])));
  });

  it('rejects literals the encoding does not have, and non-iterables', () => {
    expect(() => ours.encode('x', { allowedSpecial: ['<|im_start|>'] })).toThrow(InvalidArgumentError);
    expect(() => ours.encode('x', { allowedSpecial: 'everything' as 'all' })).toThrow(InvalidArgumentError);
  });
});
