import { get_encoding } from 'tiktoken';
import { describe, expect, it } from 'vitest';
import { o200kBase } from '../encodings/o200k-base.js';

const ours = o200kBase();
const reference = get_encoding('o200k_base');

describe('encodeWithOffsets', () => {
  it('gives byte spans that match tiktoken token lengths and char spans by hand', () => {
    const text = 'héllo 🎉!';
    const { ids, byteStart, byteEnd, charStart, charEnd } = ours.encodeWithOffsets(text);
    expect(ids).toEqual(Array.from(reference.encode_ordinary(text)));
    const lengths = ids.map((id) => reference.decode_single_token_bytes(id).length);
    expect(Array.from(byteEnd, (end, i) => end - (byteStart[i] as number))).toEqual(lengths);
    // Tokens (from tiktoken): 'hé' | 'llo' | ' ' + first 3 bytes of 🎉 | its last byte | '!'.
    // 🎉 is 2 UTF-16 units at [6, 8); both tokens that hold its bytes map to that character.
    expect(ids).toHaveLength(5);
    expect(Array.from(charStart)).toEqual([0, 2, 5, 6, 8]);
    expect(Array.from(charEnd)).toEqual([2, 5, 8, 8, 9]);
  });

  it('spans cover the text for special tokens and surrogates', () => {
    const text = 'a<|endoftext|>\ud800b';
    const { ids, charStart, charEnd } = ours.encodeWithOffsets(text, { allowedSpecial: 'all' });
    const special = ids.indexOf(199999);
    expect(text.slice(charStart[special], charEnd[special])).toBe('<|endoftext|>');
    expect(charEnd[ids.length - 1]).toBe(text.length);
  });
});

describe('DecodeStream', () => {
  it('emits only complete characters and concatenates to decode(ids)', () => {
    const text = 'Grüße 🎉👩‍👩‍👧 日本語 ok';
    const ids = ours.encodeOrdinary(text);
    const stream = ours.createDecodeStream();
    const pieces = ids.map((id) => stream.write(id));
    pieces.push(stream.end());
    expect(pieces.join('')).toBe(text);
    expect(pieces.some((p) => p.includes('\ufffd'))).toBe(false);
    // The emoji's first token holds 3 of its 4 bytes: nothing is emitted until the last byte arrives.
    const emoji = ours.encodeOrdinary('🎉');
    const s = ours.createDecodeStream();
    expect(s.write(emoji[0] as number)).toBe('');
    expect(s.write(emoji.slice(1))).toBe('🎉');
  });

  it('flushes a dangling partial sequence as U+FFFD at end()', () => {
    const s = ours.createDecodeStream();
    expect(s.write(ours.encodeOrdinary('🎉')[0] as number)).toBe('');
    expect(s.end()).toBe('\ufffd');
  });
});
