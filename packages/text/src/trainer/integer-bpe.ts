import { InvalidArgumentError, CodeOutOfRangeError } from '@jointok/core';
import { mergeWord } from '../tokenizer-json/merge-word.js';
import { PairTable } from '../tokenizer-json/pair-table.js';
import { IdBuffer } from '../vocabulary/index.js';
import { learnMerges } from './learn-merges.js';

/** A BPE over integer codes (image or audio tokens): codes `[0, alphabetSize)`, merges after them. */
export interface IntegerBpe {
  /** Size of the code alphabet; ids below it are codes. */
  readonly alphabetSize: number;
  /** The merges in order: merge `i` makes id `alphabetSize + i`. */
  readonly merges: ReadonlyArray<readonly [number, number]>;
  /** Total ids: `alphabetSize + merges.length`. */
  readonly vocabularySize: number;
  /** Encodes one sequence of codes. */
  encode(codes: ArrayLike<number>): Int32Array;
  /** Decodes ids back to codes (exact inverse of `encode`). */
  decode(ids: ArrayLike<number>): Int32Array;
  /** Encodes a `height × width` grid row by row; merges never cross rows. */
  encode2d(codes: ArrayLike<number>, width: number): { ids: Int32Array; rowLengths: Int32Array };
  /** Inverse of `encode2d`. */
  decode2d(ids: ArrayLike<number>, rowLengths: ArrayLike<number>): Int32Array;
}

/** Options of {@link trainIntegerBpe}. */
export interface TrainIntegerBpeOptions {
  /** Codes are integers in `[0, alphabetSize)`. */
  alphabetSize: number;
  /** Final vocabulary size (alphabet plus merges). */
  vocabularySize: number;
  /** Minimum pair count for a merge (default 2). */
  minFrequency?: number;
  /** For 2-D data: row width; pairs are counted and merged only within a row. */
  width?: number;
}

function checkCodes(codes: ArrayLike<number>, alphabetSize: number, argument: string): void {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] as number;
    if (!Number.isInteger(c) || c < 0 || c >= alphabetSize) throw new CodeOutOfRangeError({ argument, index: i, value: c, codebookSize: alphabetSize });
  }
}

/** Trains a BPE over integer code sequences (1-D, or 2-D rows when `width` is given). */
export function trainIntegerBpe(sequences: ReadonlyArray<ArrayLike<number>>, options: TrainIntegerBpeOptions): IntegerBpe {
  const { alphabetSize, vocabularySize, width } = options;
  if (!Number.isInteger(alphabetSize) || alphabetSize < 1) throw new InvalidArgumentError({ argument: 'alphabetSize', expected: 'a positive integer', received: alphabetSize });
  if (!Number.isInteger(vocabularySize) || vocabularySize < alphabetSize) {
    throw new InvalidArgumentError({ argument: 'vocabularySize', expected: `an integer >= alphabetSize (${alphabetSize})`, received: vocabularySize });
  }
  if (width !== undefined && (!Number.isInteger(width) || width < 1)) throw new InvalidArgumentError({ argument: 'width', expected: 'a positive integer', received: width });
  const rows: number[][] = [];
  sequences.forEach((sequence, s) => {
    checkCodes(sequence, alphabetSize, `sequences[${s}]`);
    const codes = Array.from(sequence);
    if (width === undefined) rows.push(codes);
    else {
      if (codes.length % width !== 0) throw new InvalidArgumentError({ argument: `sequences[${s}].length`, expected: `a multiple of width ${width}`, received: codes.length });
      for (let r = 0; r < codes.length; r += width) rows.push(codes.slice(r, r + width));
    }
  });
  const merges = learnMerges(rows, rows.map(() => 1), { firstId: alphabetSize, maxMerges: vocabularySize - alphabetSize, minFrequency: options.minFrequency ?? 2 });
  return integerBpe(alphabetSize, merges);
}

/** Builds an integer BPE from its alphabet size and merges (e.g. saved from {@link trainIntegerBpe}). */
export function integerBpe(alphabetSize: number, merges: ReadonlyArray<readonly [number, number]>): IntegerBpe {
  const parts = new Int32Array(2 * merges.length);
  const triples = new Int32Array(3 * merges.length);
  merges.forEach(([a, b], i) => {
    const id = alphabetSize + i;
    if (!(a >= 0 && a < id && b >= 0 && b < id)) throw new InvalidArgumentError({ argument: `merges[${i}]`, expected: `two ids below ${id}`, received: [a, b] });
    triples.set([a, b, id], 3 * i);
    parts[2 * i] = a;
    parts[2 * i + 1] = b;
  });
  const pairs = new PairTable(triples);
  const vocabularySize = alphabetSize + merges.length;
  const expand = (id: number, out: number[]): void => {
    // Iterative, so deep merge chains cannot overflow the stack.
    const stack = [id];
    while (stack.length > 0) {
      const top = stack.pop() as number;
      if (top < alphabetSize) out.push(top);
      else stack.push(parts[2 * (top - alphabetSize) + 1] as number, parts[2 * (top - alphabetSize)] as number);
    }
  };
  const encode = (codes: ArrayLike<number>): Int32Array => {
    checkCodes(codes, alphabetSize, 'codes');
    if (codes.length === 0) return new Int32Array(0);
    const symbols = Int32Array.from(codes as ArrayLike<number>);
    const out = new IdBuffer();
    mergeWord(pairs, symbols, symbols.length, out);
    return out.data.slice(0, out.length);
  };
  const decode = (ids: ArrayLike<number>): Int32Array => {
    const out: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if (!Number.isInteger(id) || id < 0 || id >= vocabularySize) throw new CodeOutOfRangeError({ argument: 'ids', index: i, value: id, codebookSize: vocabularySize });
      expand(id, out);
    }
    return Int32Array.from(out);
  };
  return {
    alphabetSize,
    merges,
    vocabularySize,
    encode,
    decode,
    encode2d(codes, width) {
      if (!Number.isInteger(width) || width < 1 || codes.length % width !== 0) {
        throw new InvalidArgumentError({ argument: 'width', expected: `a positive divisor of codes.length (${codes.length})`, received: width });
      }
      const rows = codes.length / width;
      const ids: number[] = [];
      const rowLengths = new Int32Array(rows);
      for (let r = 0; r < rows; r++) {
        const row = encode(Array.prototype.slice.call(codes, r * width, (r + 1) * width) as number[]);
        rowLengths[r] = row.length;
        for (const id of row) ids.push(id);
      }
      return { ids: Int32Array.from(ids), rowLengths };
    },
    decode2d(ids, rowLengths) {
      let total = 0;
      for (let r = 0; r < rowLengths.length; r++) total += rowLengths[r] as number;
      if (total !== ids.length) throw new InvalidArgumentError({ argument: 'rowLengths', expected: `lengths summing to ids.length (${ids.length})`, received: total });
      return decode(ids);
    },
  };
}
