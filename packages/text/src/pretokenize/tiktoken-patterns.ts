import { scanCl100k, scanO200k, scanQwen, type PieceScanner } from './tiktoken-scanners.js';

/** o200k_base's pre-tokenizer regex, verbatim from tiktoken. */
export const O200K_BASE_PATTERN = [
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
  '\\p{N}{1,3}',
  ' ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*',
  '\\s*[\\r\\n]+',
  '\\s+(?!\\S)',
  '\\s+',
].join('|');

/** cl100k_base's pre-tokenizer regex, verbatim from tiktoken. */
export const CL100K_BASE_PATTERN =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

/** Qwen 2 / 2.5 / 3's pre-tokenizer regex (tokenizer.json): cl100k_base's with single digits. */
export const QWEN_PATTERN =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

/** The hand-written scanner equivalent to `pattern`, when there is one (o200k_base, cl100k_base, Qwen). */
export function scannerForPattern(pattern: string): PieceScanner | undefined {
  if (pattern === O200K_BASE_PATTERN) return scanO200k;
  if (pattern === CL100K_BASE_PATTERN) return scanCl100k;
  if (pattern === QWEN_PATTERN) return scanQwen;
  return undefined;
}
