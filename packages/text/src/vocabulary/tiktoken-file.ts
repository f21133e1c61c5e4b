import { decodeBase64 } from '../bytes/index.js';
import { InvalidVocabularyError } from '../errors/index.js';
import type { FlatVocabulary } from './binary-format.js';

/** Ranks beyond this are refused: ids are int32, and no published vocabulary comes near. */
export const MAX_RANK = 2 ** 31 - 2;

/**
 * Ranks are stored densely (one offset per id), so the ids a vocabulary spans may exceed the tokens
 * it holds only by this much: published files have no holes or a handful.
 */
export function checkDense(span: number, count: number, source: string): void {
  const holes = span - count;
  if (holes > Math.max(1024, count)) {
    throw new InvalidVocabularyError({ source, location: 'ranks', expected: `ranks without large gaps (at most ${Math.max(1024, count)} unused ids)`, received: `${count} tokens spread over ${span} ids` });
  }
}

/**
 * Parses a `.tiktoken` rank file (`<base64 token> <rank>` per line) into a flat vocabulary indexed
 * by rank. Ranks may come in any order and may leave holes; a repeated rank is an error.
 */
export function parseTiktokenRanks(input: string | Uint8Array, source = '.tiktoken ranks'): FlatVocabulary {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const tokens: Uint8Array[] = [];
  let lineNumber = 0;
  let total = 0;
  let count = 0;
  for (const line of text.split('\n')) {
    lineNumber++;
    if (line.length === 0 || line === '\r') continue;
    const space = line.indexOf(' ');
    const rankText = space < 0 ? '' : line.slice(space + 1).trim();
    const rank = Number(rankText);
    if (space <= 0 || !/^\d+$/.test(rankText) || !Number.isSafeInteger(rank)) {
      throw new InvalidVocabularyError({ source, location: `line ${lineNumber}`, expected: '"<base64 bytes> <rank>"', received: JSON.stringify(line.slice(0, 40)) });
    }
    let bytes: Uint8Array;
    try {
      bytes = decodeBase64(line.slice(0, space));
    } catch (cause) {
      throw new InvalidVocabularyError({ source, location: `line ${lineNumber}`, expected: 'a base64 token', received: JSON.stringify(line.slice(0, space)), cause });
    }
    if (bytes.length === 0) throw new InvalidVocabularyError({ source, location: `line ${lineNumber}`, expected: 'a non-empty token' });
    // Checked before anything is allocated for it: a 2 KB file must not ask for gigabytes.
    if (rank > MAX_RANK) throw new InvalidVocabularyError({ source, location: `line ${lineNumber}`, expected: `a rank below ${MAX_RANK + 1}`, received: `rank ${rank}` });
    if (tokens[rank] !== undefined) throw new InvalidVocabularyError({ source, location: `line ${lineNumber}`, expected: 'each rank once', received: `rank ${rank} again` });
    tokens[rank] = bytes;
    count++;
    total += bytes.length;
  }
  checkDense(tokens.length, count, source);
  const offsets = new Uint32Array(tokens.length + 1);
  const bytes = new Uint8Array(total);
  let o = 0;
  for (let r = 0; r < tokens.length; r++) {
    const token = tokens[r];
    if (token !== undefined) {
      bytes.set(token, o);
      o += token.length;
    }
    offsets[r + 1] = o;
  }
  return { bytes, offsets };
}
