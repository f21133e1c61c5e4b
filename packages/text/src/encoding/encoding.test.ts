import { InvalidArgumentError } from '@jointok/core';
import { get_encoding } from 'tiktoken';
import { describe, expect, it } from 'vitest';
import { InvalidUtf8Error, UnknownTokenIdError } from '../errors/index.js';
import { o200kBase } from '../encodings/o200k-base.js';

const ours = o200kBase();
const reference = get_encoding('o200k_base');

describe('Encoding basics (o200k_base)', () => {
  it('encodes a known sentence to the ids tiktoken gives', () => {
    // From tiktoken 1.0.22: encode_ordinary('héllo 🎉 <|endoftext|>').
    expect(ours.encodeOrdinary('héllo 🎉 <|endoftext|>')).toEqual([79163, 72807, 139786, 231, 464, 91, 419, 1440, 919, 91, 29]);
    expect(ours.encode('héllo 🎉 <|endoftext|>', { allowedSpecial: 'all' })).toEqual([79163, 72807, 139786, 231, 220, 199999]);
  });

  it('encodes 100,000 identical characters (one pre-token) quickly and exactly', () => {
    // tiktoken encodes 'a' × 20,000 as 2,500 × id 117525 ('aaaaaaaa'); the heap merge must agree at 100k.
    expect(Array.from(new Set(reference.encode('a'.repeat(20_000))))).toEqual([117525]);
    const start = performance.now();
    const ids = ours.encodeOrdinary('a'.repeat(100_000));
    const ms = performance.now() - start;
    expect(ids.length).toBe(12_500);
    expect(ids.every((id) => id === 117525)).toBe(true);
    expect(ms).toBeLessThan(1000);
  });

  it('agrees with tiktoken around the long-piece threshold', () => {
    for (const n of [90, 95, 96, 97, 98, 150, 400]) {
      for (const unit of ['ab', 'é', '日本', ' ', '1a', '🎉x']) {
        const text = unit.repeat(Math.ceil(n / unit.length));
        expect(ours.encodeOrdinary(text)).toEqual(Array.from(reference.encode_ordinary(text)));
      }
    }
  });

  it('counts tokens and checks limits', () => {
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(20);
    const n = reference.encode_ordinary(text).length;
    expect(ours.countTokens(text)).toBe(n);
    expect(ours.isWithinTokenLimit(text, n)).toBe(n);
    expect(ours.isWithinTokenLimit(text, n - 1)).toBe(false);
    expect(ours.isWithinTokenLimit('', 0)).toBe(0);
    expect(() => ours.isWithinTokenLimit(text, -1)).toThrow(InvalidArgumentError);
  });

  it('decodes special ids and rejects unknown ones with UnknownTokenIdError', () => {
    expect(ours.decode([79163, 199999])).toBe('h<|endoftext|>'.replace('h', ours.decode([79163])));
    for (const [bad, index] of [[-1, 1], [1.5, 1], [199998, 1], [200019, 1], [Number.NaN, 1]] as const) {
      try {
        ours.decode([79163, bad]);
        expect.unreachable();
      } catch (error) {
        expect(UnknownTokenIdError.isInstance(error)).toBe(true);
        expect((error as UnknownTokenIdError).position).toBe(index);
      }
    }
  });

  it('replaces invalid UTF-8 by default and throws InvalidUtf8Error in strict mode', () => {
    const [first] = ours.encodeOrdinary('🎉'); // 71344 is the first 3 of the emoji's 4 bytes
    expect(ours.decode([first as number])).toBe('\ufffd');
    expect(() => ours.decode([79163, first as number], { errors: 'strict' })).toThrow(InvalidUtf8Error);
    try {
      ours.decode([79163, first as number], { errors: 'strict' });
    } catch (error) {
      expect((error as InvalidUtf8Error).byteOffset).toBe(reference.decode_single_token_bytes(79163).length);
    }
    expect(ours.decodeBytes([first as number])).toEqual(reference.decode(new Uint32Array([first as number])));
  });

  it('rejects non-string text with a typed error', () => {
    expect(() => ours.encode(42 as unknown as string)).toThrow(InvalidArgumentError);
    expect(() => ours.encodeOrdinary(null as unknown as string)).toThrow(InvalidArgumentError);
  });
});
