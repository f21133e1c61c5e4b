import { applyTextMutations, defineFuzzTarget, fuzzAssert, hostileNumber, hostileString, textMutation } from '@jointok/core/fuzz';
import fc from 'fast-check';
import { fromTiktoken } from '../encodings/index.js';

/** What `text/tiktoken` feeds to `fromTiktoken`. */
export interface TiktokenInput {
  /** The rank file (damaged), as text or bytes. */
  readonly ranks: string | Uint8Array;
  readonly pattern: string;
  readonly specialTokens: Record<string, number>;
  /** Text to encode and decode when the file is accepted. */
  readonly text: string;
}

/**
 * `text/tiktoken`: `.tiktoken` rank files (a trained seed, with lines cut, repeated, swapped, ranks
 * replaced by hostile numbers, base64 damaged), hostile special-token tables and patterns, through
 * `fromTiktoken`. An accepted encoding must encode text and decode it back unchanged.
 */
export function tiktokenTarget(seed: { tiktoken: string; pattern: string; specialTokens: Record<string, number> }) {
  const lines = seed.tiktoken.trimEnd().split('\n');
  const lineEdit = fc.oneof(
    fc.record({ kind: fc.constant('rank' as const), line: fc.nat(), rank: fc.oneof(hostileNumber().map(String), fc.constantFrom('', '-1', '1e3', '0x10', '٣', ' 7', '7 ', '00001', '9'.repeat(30))) }),
    fc.record({ kind: fc.constant('token' as const), line: fc.nat(), token: fc.oneof(fc.constantFrom('', '=', '====', 'YQ', 'YQ==', '!!!!', 'AAAAAAAA'), fc.base64String({ maxLength: 12 })) }),
    fc.record({ kind: fc.constant('copy' as const), line: fc.nat(), to: fc.nat() }),
    fc.record({ kind: fc.constant('drop' as const), line: fc.nat() }),
  );
  const ranks = fc.tuple(fc.array(lineEdit, { maxLength: 4 }), fc.array(textMutation(), { maxLength: 2 }), fc.boolean()).map(([edits, textEdits, asBytes]) => {
    const edited = [...lines];
    for (const edit of edits) {
      const at = edit.line % edited.length;
      const [token = '', rank = ''] = edited[at]!.split(' ');
      if (edit.kind === 'rank') edited[at] = `${token} ${edit.rank}`;
      else if (edit.kind === 'token') edited[at] = `${edit.token} ${rank}`;
      else if (edit.kind === 'copy') edited.splice(edit.to % (edited.length + 1), 0, edited[at]!);
      else edited.splice(at, 1);
    }
    const text = applyTextMutations(`${edited.join('\n')}\n`, textEdits);
    return asBytes ? new TextEncoder().encode(text) : text;
  });
  const specialTokens = fc.oneof(
    { weight: 3, arbitrary: fc.constant(seed.specialTokens) },
    { weight: 2, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom('<|endoftext|>', '', 'a', ' '), hostileString()), hostileNumber({ nonFinite: true }), { maxKeys: 3 }) },
  );
  const pattern = fc.oneof({ weight: 4, arbitrary: fc.constant(seed.pattern) }, { weight: 1, arbitrary: fc.constantFrom('(a+)+$', '(?<=a)b', '[', '\\p{Nope}', '', '(?i)a', '.*') });
  const input = fc.record({ ranks, pattern, specialTokens, text: fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('<|endoftext|>hello', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')) });
  return defineFuzzTarget<TiktokenInput>({
    name: 'text/tiktoken',
    description: '.tiktoken rank files, special tokens and patterns → fromTiktoken, then encode/decode',
    input,
    run(input) {
      const encoding = fromTiktoken(input.ranks, { pattern: input.pattern, specialTokens: input.specialTokens });
      const ids = encoding.encode(input.text, { allowedSpecial: 'all' });
      const text = encoding.decode(ids);
      fuzzAssert(text === input.text || !wellFormed(input.text), () => `encode → decode changed ${JSON.stringify(input.text)} into ${JSON.stringify(text)}`);
    },
  });
}

/** True when `text` has no lone surrogate (only such text survives UTF-8). */
function wellFormed(text: string): boolean {
  return new TextDecoder().decode(new TextEncoder().encode(text)) === text;
}
