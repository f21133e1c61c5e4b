import { InvalidArgumentError } from '@jointok/core';
import { Encoding } from '../encoding/index.js';
import { parseTiktokenRanks } from '../vocabulary/index.js';

/** Options of {@link fromTiktoken}. */
export interface FromTiktokenOptions {
  /** Name to report; default `'custom'`. */
  name?: string;
  /** Pre-tokenizer regex (tiktoken `pat_str`, Rust syntax). */
  pattern: string;
  /** Special-token literal → id; default none. */
  specialTokens?: Readonly<Record<string, number>>;
}

/** Builds an encoding from a `.tiktoken` rank file's contents (text or bytes) and its regex. */
export function fromTiktoken(ranks: string | Uint8Array, options: FromTiktokenOptions): Encoding {
  if (typeof options?.pattern !== 'string') {
    throw new InvalidArgumentError({ argument: 'options.pattern', expected: "the encoding's pre-tokenizer regex (tiktoken pat_str)", received: options?.pattern });
  }
  return new Encoding({
    name: options.name ?? 'custom',
    vocabulary: parseTiktokenRanks(ranks),
    pattern: options.pattern,
    specialTokens: options.specialTokens ?? {},
  });
}
