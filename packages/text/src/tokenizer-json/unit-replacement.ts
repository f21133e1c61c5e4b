import type { AddedToken } from './added-tokens.js';
import type { BpeModelData } from './bpe-model.js';

/**
 * A SentencePiece-shaped pipeline (Gemma 2 and 3) in one fact: between the raw-matched added tokens, the
 * model sees each stretch of raw text with one UTF-16 unit read as another (a space as `▁`). That holds when
 * the normalizer only replaces the one unit by the other, the pre-tokenizer splits only at text that holds
 * the replaced unit (which the normalizer has just removed), and no added token is matched on the normalized
 * text. Such a tokenizer encodes from the raw text: no normalized copy, no pieces from the split stages.
 */
export interface UnitReplacement {
  /** The unit the normalizer replaces (Gemma: a space). */
  readonly replaced: number;
  /** The unit it becomes (Gemma: `▁`). */
  readonly replacement: number;
}

/**
 * The {@link UnitReplacement} of a tokenizer.json's stages, or null when its pipeline has another shape.
 * The caller checks one thing more before use: `replacement` must be a single-character token of the model.
 */
export function unitReplacementOf(normalizer: unknown, preTokenizer: unknown, addedTokens: readonly AddedToken[], model: BpeModelData): UnitReplacement | null {
  if (model.byteLevel || addedTokens.some((token) => token.normalized)) return null;
  const replace = singleReplace(normalizer);
  return replace !== null && neverSplits(preTokenizer, String.fromCharCode(replace.replaced)) ? replace : null;
}

/** A normalizer that is one `Replace` of a unit by a unit (alone or the only stage of a `Sequence`), or null. */
function singleReplace(value: unknown): UnitReplacement | null {
  const spec = record(value);
  if (spec === null) return null;
  if (spec.type === 'Sequence') return Array.isArray(spec.normalizers) && spec.normalizers.length === 1 ? singleReplace(spec.normalizers[0]) : null;
  if (spec.type !== 'Replace') return null;
  const source = record(spec.pattern)?.String;
  const content = spec.content;
  if (!isPlainUnit(source) || !isPlainUnit(content) || source === content) return null;
  return { replaced: source.charCodeAt(0), replacement: content.charCodeAt(0) };
}

/**
 * Whether a pre-tokenizer leaves text without `replaced` whole: none, or `Split`s (not inverted) on a
 * literal that holds `replaced`, alone or in a `Sequence` (a split that finds no match keeps the text as
 * one piece in every behaviour).
 */
function neverSplits(value: unknown, replaced: string): boolean {
  if (value === null || value === undefined) return true;
  const spec = record(value);
  if (spec === null) return false;
  if (spec.type === 'Sequence') return Array.isArray(spec.pretokenizers) && spec.pretokenizers.every((stage) => neverSplits(stage, replaced));
  if (spec.type !== 'Split' || spec.invert === true) return false;
  const literal = record(spec.pattern)?.String;
  return typeof literal === 'string' && literal.includes(replaced);
}

/** One UTF-16 unit that is not a surrogate (a lone surrogate is no character to replace). */
function isPlainUnit(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 1) return false;
  const unit = value.charCodeAt(0);
  return unit < 0xd800 || unit > 0xdfff;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
