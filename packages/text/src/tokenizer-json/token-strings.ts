import type { FlatVocabulary } from '../vocabulary/index.js';
import { BYTE_TO_CHAR } from './byte-level-alphabet.js';

/**
 * A vocabulary's token strings packed for a compiled tokenizer: one UTF-8 text and the UTF-16 offset of
 * each token in it. Reading them back is one native decode and a slice per token, where a JSON array
 * of 262k strings costs a parse that allocates every string up front.
 */
export interface PackedTokenStrings {
  /** `offsets[id]..offsets[id + 1]` (UTF-16 units of the decoded text) is token `id`. */
  offsets: Uint32Array;
  /** All tokens, concatenated, as UTF-8. */
  text: Uint8Array;
  /** Ids without a token. */
  holes: number[];
  /** Tokens that are not well-formed UTF-16 (a lone surrogate does not survive UTF-8): id and string. */
  irregular: Array<[number, string]>;
}

/** Packs id → token strings (holes for ids without one). */
export function packTokenStrings(tokens: ReadonlyArray<string | undefined>): PackedTokenStrings {
  const offsets = new Uint32Array(tokens.length + 1);
  const parts: string[] = [];
  const holes: number[] = [];
  const irregular: Array<[number, string]> = [];
  let at = 0;
  for (let id = 0; id < tokens.length; id++) {
    const token = tokens[id];
    if (token === undefined) holes.push(id);
    else if (!token.isWellFormed()) irregular.push([id, token]);
    else {
      parts.push(token);
      at += token.length;
    }
    offsets[id + 1] = at;
  }
  return { offsets, text: new TextEncoder().encode(parts.join('')), holes, irregular };
}

/**
 * The token strings of {@link packTokenStrings}' output, given the decoded text (checked by the caller
 * to be `offsets[offsets.length - 1]` units long, with offsets that never decrease).
 */
export function unpackTokenStrings(offsets: Uint32Array, text: string, holes: readonly number[], irregular: ReadonlyArray<[number, string]>): Array<string | undefined> {
  const count = offsets.length - 1;
  const tokens = new Array<string | undefined>(count);
  for (let id = 0; id < count; id++) tokens[id] = text.slice(offsets[id] as number, offsets[id + 1] as number);
  for (const id of holes) tokens[id] = undefined;
  for (const [id, token] of irregular) tokens[id] = token;
  return tokens;
}

/**
 * The token strings of a byte-level vocabulary, rebuilt from its token bytes (each byte one character of
 * GPT-2's alphabet): a compiled tiktoken-shaped tokenizer stores only the bytes its engine runs on.
 */
export function byteLevelTokenStrings(vocabulary: FlatVocabulary, holes: readonly number[]): Array<string | undefined> {
  const { bytes, offsets } = vocabulary;
  // The whole vocabulary as one text, built natively a chunk at a time, then sliced per token.
  const units = new Uint16Array(Math.min(bytes.length, CHUNK));
  const chunks: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) units[i - start] = CHAR_CODES[bytes[i] as number] as number;
    chunks.push(String.fromCharCode(...units.subarray(0, end - start)));
  }
  return unpackTokenStrings(offsets, chunks.join(''), holes, []);
}

const CHUNK = 8192;
const CHAR_CODES = Uint16Array.from(BYTE_TO_CHAR, (ch) => ch.charCodeAt(0));
