import { CodeOutOfRangeError, InvalidArgumentError } from '@jointok/core';

/** How a tokenizer uses its codebook over a set of codes. */
export interface CodeStatistics {
  /** Occurrences of each code. */
  readonly counts: Int32Array;
  /** Number of distinct codes that occur. */
  readonly used: number;
  /** `used / codebookSize`. */
  readonly usage: number;
  /** Shannon entropy of the code distribution in bits. */
  readonly entropy: number;
  /** `2^entropy`: the effective number of equally likely codes. */
  readonly perplexity: number;
}

/** Codebook usage, entropy (bits) and perplexity of `codes` from a codebook of `codebookSize`. */
export function codeStatistics(codes: ArrayLike<number>, codebookSize: number): CodeStatistics {
  if (!Number.isSafeInteger(codebookSize) || codebookSize < 1) throw new InvalidArgumentError({ argument: 'codebookSize', expected: 'a positive integer', received: codebookSize });
  if (codes.length === 0) throw new InvalidArgumentError({ argument: 'codes', expected: 'at least one code', received: codes });
  const counts = new Int32Array(codebookSize);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (!Number.isInteger(code) || code < 0 || code >= codebookSize) throw new CodeOutOfRangeError({ argument: 'codes', index: i, value: code, codebookSize });
    counts[code]!++;
  }
  let used = 0;
  let entropy = 0;
  for (const count of counts) {
    if (count === 0) continue;
    used++;
    const p = count / codes.length;
    entropy -= p * Math.log2(p);
  }
  return { counts, used, usage: used / codebookSize, entropy, perplexity: 2 ** entropy };
}

/**
 * Bits per pixel of a token sequence: `tokens · log2(codebookSize) / (width · height)` — the
 * storage cost of fixed-length codes (e.g. 256 tokens of a 16384 codebook for 256×256 = 0.055 bpp).
 */
export function bitsPerPixel(options: { tokens: number; codebookSize: number; width: number; height: number }): number {
  const { tokens, codebookSize, width, height } = options;
  for (const [name, value] of Object.entries(options)) {
    if (!Number.isSafeInteger(value) || value < (name === 'tokens' ? 0 : 1)) throw new InvalidArgumentError({ argument: `options.${name}`, expected: 'a positive integer', received: value });
  }
  return (tokens * Math.log2(codebookSize)) / (width * height);
}
