import { InvalidArgumentError } from '@jointok/core';
import { toTiktoken, toTokenizerJson } from '../convert/index.js';
import { Encoding } from '../encoding/index.js';
import { classifyText, O200K_BASE_PATTERN, scannerForPattern, translateRegex } from '../pretokenize/index.js';
import type { FlatVocabulary } from '../vocabulary/index.js';
import { learnMerges } from './learn-merges.js';

/** Options of {@link trainBpe}. */
export interface TrainBpeOptions {
  /** Final vocabulary size: 256 bytes + initial alphabet + merges + special tokens. */
  vocabularySize: number;
  /** A pair must occur at least this often to merge (default 2). */
  minFrequency?: number;
  /** Special-token literals, given the last ids. */
  specialTokens?: readonly string[];
  /** Pre-tokenizer regex (tiktoken syntax); default o200k_base's. */
  pattern?: string;
  /** Characters made single tokens (their bytes merged left to right) before any learned merge. */
  initialAlphabet?: readonly string[];
}

/** A trained byte-level BPE, writable as `.tiktoken` and `tokenizer.json`. */
export interface TrainedBpe {
  vocabulary: FlatVocabulary;
  pattern: string;
  specialTokens: Record<string, number>;
  /** An encoding to use it right away. */
  encoding(): Encoding;
  /** The `.tiktoken` rank file. */
  toTiktoken(): string;
  /** A Hugging Face `tokenizer.json` object that encodes identically. */
  toTokenizerJson(): Record<string, unknown>;
}

function pieces(text: string, pattern: string): string[] {
  const scanner = scannerForPattern(pattern);
  if (scanner === undefined) return [...text.matchAll(translateRegex(pattern))].map((m) => m[0]).filter((p) => p.length > 0);
  const classes = new Uint8Array(text.length + 1);
  classifyText(text, classes);
  const out: string[] = [];
  for (let start = 0; start < text.length; ) {
    const end = scanner(text, classes, start);
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

/**
 * Trains a byte-level BPE on texts: pre-tokenize with the regex, count pieces, learn merges of the
 * most frequent adjacent pairs (never one whose bytes already are a token, so that every token's
 * bytes are unique and the `.tiktoken` form is exact).
 */
export function trainBpe(texts: Iterable<string>, options: TrainBpeOptions): TrainedBpe {
  const pattern = options.pattern ?? O200K_BASE_PATTERN;
  const specials = options.specialTokens ?? [];
  const alphabet = options.initialAlphabet ?? [];
  if (!Number.isInteger(options.vocabularySize) || options.vocabularySize < 256 + specials.length) {
    throw new InvalidArgumentError({ argument: 'vocabularySize', expected: `an integer >= 256 + ${specials.length} special tokens`, received: options.vocabularySize });
  }
  const encoder = new TextEncoder();
  const tokens: Uint8Array[] = Array.from({ length: 256 }, (_, b) => Uint8Array.of(b));
  const known = new Map<string, number>(tokens.map((t, id) => [t.join(','), id]));
  const forced: Array<[number, number]> = [];
  // Initial alphabet: merge each character's bytes left to right.
  for (const ch of alphabet) {
    const bytes = encoder.encode(ch);
    let current = bytes[0] as number;
    for (let k = 1; k < bytes.length; k++) {
      const merged = new Uint8Array([...(tokens[current] as Uint8Array), bytes[k] as number]);
      const key = merged.join(',');
      let id = known.get(key);
      if (id === undefined) {
        id = tokens.length;
        tokens.push(merged);
        known.set(key, id);
        forced.push([current, bytes[k] as number]);
      }
      current = id;
    }
  }

  const counts = new Map<string, number>();
  for (const text of texts) for (const piece of pieces(text, pattern)) counts.set(piece, (counts.get(piece) ?? 0) + 1);
  const words: number[][] = [];
  const weights: number[] = [];
  for (const [piece, count] of counts) {
    // Apply the forced merges first, as the encoder will (they have the lowest ranks).
    let word = Array.from(encoder.encode(piece));
    forced.forEach(([a, b], i) => {
      const id = 256 + i;
      const next: number[] = [];
      for (let k = 0; k < word.length; k++) {
        if (k + 1 < word.length && word[k] === a && word[k + 1] === b) {
          next.push(id);
          k++;
        } else next.push(word[k] as number);
      }
      word = next;
    });
    words.push(word);
    weights.push(count);
  }
  const budget = options.vocabularySize - tokens.length - specials.length;
  learnMerges(words, weights, {
    firstId: tokens.length,
    maxMerges: Math.max(0, budget),
    minFrequency: options.minFrequency ?? 2,
    forbid: (a, b) => {
      const merged = new Uint8Array([...(tokens[a] as Uint8Array), ...(tokens[b] as Uint8Array)]);
      if (known.has(merged.join(','))) return true;
      // learnMerges assigns ids in order; mirror them here so later lookups see this token.
      known.set(merged.join(','), tokens.length);
      tokens.push(merged);
      return false;
    },
  });
  const total = tokens.reduce((n, t) => n + t.length, 0);
  const bytes = new Uint8Array(total);
  const offsets = new Uint32Array(tokens.length + 1);
  let o = 0;
  tokens.forEach((t, id) => {
    bytes.set(t, o);
    o += t.length;
    offsets[id + 1] = o;
  });
  const vocabulary = { bytes, offsets };
  const specialTokens: Record<string, number> = {};
  specials.forEach((literal, i) => (specialTokens[literal] = tokens.length + i));
  return {
    vocabulary,
    pattern,
    specialTokens,
    encoding: () => new Encoding({ name: 'trained', vocabulary, pattern, specialTokens }),
    toTiktoken: () => toTiktoken(vocabulary),
    toTokenizerJson: () => toTokenizerJson(vocabulary, { pattern, specialTokens }),
  };
}
