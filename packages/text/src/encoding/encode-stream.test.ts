import fc from 'fast-check';
import { get_encoding } from 'tiktoken';
import { describe, expect, it } from 'vitest';
import { cl100kBase } from '../encodings/cl100k-base.js';
import { o200kBase } from '../encodings/o200k-base.js';

const pieces = ['Hello', ' world', "they'", 're', '\n', '\n\n', '  ', '!!', '/', 'x/', '123', '4', '日本', '🎉', '\u0301', 'ABC', 'def', ' ', '\t', "'s"];

describe.each([
  ['o200k_base', o200kBase],
  ['cl100k_base', cl100kBase],
] as const)('%s createEncodeStream', (name, load) => {
  const encoding = load();
  const reference = get_encoding(name);

  it('emits, over any chunking, exactly the ids of the whole text (tiktoken)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 30 }), (parts, sizes) => {
        const text = parts.join('');
        const stream = encoding.createEncodeStream();
        const ids: number[] = [];
        let at = 0;
        for (const size of sizes) {
          ids.push(...stream.write(text.slice(at, at + size)));
          at += size;
        }
        ids.push(...stream.write(text.slice(at)));
        ids.push(...stream.end());
        expect(ids).toEqual(Array.from(reference.encode_ordinary(text)));
      }),
      { numRuns: 1500 },
    );
  });

  it('returns stable ids before the end', () => {
    const stream = encoding.createEncodeStream();
    expect(stream.write('first line\nsecond')).toEqual(Array.from(reference.encode_ordinary('first line\n')));
    expect(stream.end()).toEqual(Array.from(reference.encode_ordinary('second')));
  });
});
