import { InvalidSpecError } from '@jointok/core';
import { classifyText, scannerForPattern, translateRegex } from '../pretokenize/index.js';
import { escapeRegexLiteral } from '../pretokenize/literal-regex.js';
import { sharedStage } from './shared-stage.js';
import { array, boolean, literal, object, pattern, type Spec, string, unsupported } from './spec.js';

/** A pre-tokenizer stage: one piece → pieces. `first`: the piece starts the input (Metaspace `first`). */
export type PreTokenizer = (piece: string, first: boolean) => string[];

/** The built pre-tokenizer chain, plus whether it ends byte-level (the model then starts from bytes). */
export interface PreTokenizerChain {
  split: (text: string, first: boolean) => string[];
  byteLevel: boolean;
  /** Text the stages may insert before a piece (ByteLevel's prefix space, Metaspace's replacement). */
  prefixes: string[];
  /** The character Metaspace writes for a space, or null: pieces are located in the text by it. */
  spaceReplacement: string | null;
}

interface Flags {
  byteLevel: boolean;
  prefixes: string[];
  spaceReplacement: string | null;
}

/** The regex of the ByteLevel pre-tokenizer with `use_regex: true` (GPT-2's). */
export const GPT2_PATTERN = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";
const SUPPORTED = ['ByteLevel', 'Split', 'Metaspace', 'Digits', 'Sequence'];
type Behavior = 'Isolated' | 'Removed' | 'MergedWithPrevious' | 'MergedWithNext' | 'Contiguous';

/**
 * Splits `text` at match `spans`, treating matches as Hugging Face's `SplitDelimiterBehavior` says
 * (the fold rules of tokenizers' `NormalizedString::split`).
 */
function splitBy(text: string, spans: Array<[number, number]>, behavior: Behavior, invert = false): string[] {
  // No match: the text is one non-matching segment, which every behaviour keeps whole (Gemma 3's split
  // on ' ' after its normalizer has made every space '▁' never matches).
  if (spans.length === 0 && !invert) return text.length > 0 ? [text] : [];
  const segments: Array<[number, number, boolean]> = [];
  let last = 0;
  for (const [start, end] of spans) {
    if (start > last) segments.push([last, start, invert]);
    segments.push([start, end, !invert]);
    last = end;
  }
  if (last < text.length) segments.push([last, text.length, invert]);
  let pieces: Array<[number, number]> = [];
  let previousMatch = false;
  if (behavior === 'Isolated') pieces = segments.map(([a, b]) => [a, b]);
  else if (behavior === 'Removed') pieces = segments.filter((s) => !s[2]).map(([a, b]) => [a, b]);
  else if (behavior === 'MergedWithPrevious' || behavior === 'Contiguous') {
    for (const [a, b, isMatch] of segments) {
      const merge = behavior === 'MergedWithPrevious' ? isMatch && !previousMatch : isMatch && previousMatch;
      const lastPiece = pieces[pieces.length - 1];
      if (merge && lastPiece !== undefined) lastPiece[1] = b;
      else pieces.push([a, b]);
      previousMatch = isMatch;
    }
  } else {
    for (let i = segments.length - 1; i >= 0; i--) {
      const [a, b, isMatch] = segments[i] as [number, number, boolean];
      const lastPiece = pieces[pieces.length - 1];
      if (isMatch && !previousMatch && lastPiece !== undefined) lastPiece[0] = a;
      else pieces.push([a, b]);
      previousMatch = isMatch;
    }
    pieces.reverse();
  }
  return pieces.map(([a, b]) => text.slice(a, b));
}

/** Match spans of a pattern: the hand-written scanner when the regex is tiktoken's, else the regex. */
function matcher(source: string): (text: string) => Array<[number, number]> {
  const scanner = scannerForPattern(source);
  if (scanner !== undefined) {
    let classes = new Uint8Array(1024);
    return (text) => {
      if (classes.length <= text.length) classes = new Uint8Array(text.length * 2 + 1);
      classifyText(text, classes);
      const spans: Array<[number, number]> = [];
      for (let start = 0; start < text.length; ) {
        const end = scanner(text, classes, start);
        spans.push([start, end]);
        start = end;
      }
      return spans;
    };
  }
  const regex = translateRegex(source);
  return (text) => {
    const spans: Array<[number, number]> = [];
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      spans.push([m.index, m.index + m[0].length]);
    }
    return spans;
  };
}

/** Match spans of a literal string (leftmost, non-overlapping, as its escaped regex would give). */
function literalMatcher(literal: string): (text: string) => Array<[number, number]> {
  return (text) => {
    const spans: Array<[number, number]> = [];
    for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + literal.length)) spans.push([at, at + literal.length]);
    return spans;
  };
}

function buildStage(value: unknown, path: string, flags: Flags): PreTokenizer {
  const spec: Spec = object(value, path);
  switch (spec.type) {
    case 'ByteLevel': {
      flags.byteLevel = true;
      const prefix = boolean(spec.add_prefix_space, `${path}.add_prefix_space`, true);
      const useRegex = boolean(spec.use_regex, `${path}.use_regex`, true);
      if (prefix) flags.prefixes.push(' ');
      const match = useRegex ? matcher(GPT2_PATTERN) : null;
      return (piece) => {
        const text = prefix && !piece.startsWith(' ') ? ` ${piece}` : piece;
        return match ? splitBy(text, match(text), 'Isolated') : [text];
      };
    }
    case 'Split': {
      const target = pattern(spec.pattern, `${path}.pattern`);
      const behavior = string(spec.behavior, `${path}.behavior`) as Behavior;
      if (!['Isolated', 'Removed', 'MergedWithPrevious', 'MergedWithNext', 'Contiguous'].includes(behavior)) {
        throw new InvalidSpecError({ path: `${path}.behavior`, expected: 'Isolated, Removed, MergedWithPrevious, MergedWithNext or Contiguous', received: behavior });
      }
      // invert: the matches are the pieces and the gaps the delimiters.
      const invert = boolean(spec.invert, `${path}.invert`, false);
      const match = target.kind === 'String' && target.source.length > 0 ? literalMatcher(target.source) : matcher(target.kind === 'String' ? escapeRegexLiteral(target.source) : target.source);
      return (piece) => {
        const spans = match(piece);
        return splitBy(piece, spans, behavior, invert);
      };
    }
    case 'Metaspace': {
      const replacement = literal(spec.replacement ?? '▁', `${path}.replacement`);
      const scheme = spec.prepend_scheme ?? (spec.add_prefix_space === false ? 'never' : 'always');
      const split = boolean(spec.split, `${path}.split`, true);
      if (scheme !== 'never') flags.prefixes.push(replacement);
      flags.spaceReplacement = replacement;
      return (piece, first) => {
        let text = piece.replaceAll(' ', replacement);
        if ((scheme === 'always' || (scheme === 'first' && first)) && !text.startsWith(replacement)) text = replacement + text;
        if (!split) return [text];
        const out: string[] = [];
        let start = 0;
        for (let i = 1; i < text.length; i++) if (text.startsWith(replacement, i)) out.push(text.slice(start, i)), (start = i);
        out.push(text.slice(start));
        return out;
      };
    }
    case 'Digits': {
      const individual = boolean(spec.individual_digits, `${path}.individual_digits`, false);
      const match = matcher(individual ? '\\p{Nd}' : '\\p{Nd}+');
      return (piece) => splitBy(piece, match(piece), 'Isolated');
    }
    case 'Sequence': {
      const stages = array(spec.pretokenizers, `${path}.pretokenizers`).map((stage, i) => buildStage(stage, `${path}.pretokenizers[${i}]`, flags));
      return (piece, first) => stages.reduce<string[]>((pieces, stage) => pieces.flatMap((p, i) => stage(p, first && i === 0)), [piece]);
    }
    default:
      return unsupported(path, spec.type, SUPPORTED);
  }
}

/** Builds the `pre_tokenizer` of a tokenizer.json (null → the whole text is one piece). */
export function buildPreTokenizer(value: unknown, path = 'pre_tokenizer'): PreTokenizerChain {
  if (value === null || value === undefined) return NO_PRE_TOKENIZER;
  // Shared between tokenizers with an equal spec (see `sharedStage`).
  return sharedStage(builtChains, value, () => {
    const flags: Flags = { byteLevel: false, prefixes: [], spaceReplacement: null };
    const stage = buildStage(value, path, flags);
    return { split: stage, ...flags };
  });
}

const NO_PRE_TOKENIZER: PreTokenizerChain = { split: (text) => (text.length > 0 ? [text] : []), byteLevel: false, prefixes: [], spaceReplacement: null };
const builtChains = new Map<string, PreTokenizerChain>();
