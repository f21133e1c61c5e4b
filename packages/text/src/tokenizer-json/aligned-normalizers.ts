import { translateRegex } from '../pretokenize/index.js';
import { AlignedBuilder, type AlignedText } from './aligned-text.js';
import { array, literal, object, pattern, type Spec, string } from './spec.js';
import { literalAlternation } from '../pretokenize/literal-regex.js';

/** A normalizer that also carries each unit's original span (for offsets). */
export type AlignedNormalizer = (text: AlignedText) => AlignedText;

type Form = 'NFC' | 'NFD' | 'NFKC' | 'NFKD';

// Characters that always join the cluster before them: combining marks, Hangul vowel/final jamo.
const JOINS_PREVIOUS = /[\p{M}\u1160-\u11ff\ud7b0-\ud7ff]/u;

/**
 * Splits `text` into the runs that normalization treats as units: a run ends before a character only if
 * normalizing the run and the character apart gives what normalizing them together gives. Besides
 * combining marks this joins what compatibility forms compose only after decomposition: halfwidth kana
 * and their voicing marks (ｶﾞ → ガ), Hangul compatibility jamo (ㄱㅏ → 가). ASCII never composes.
 */
function normalizationClusters(text: string, form: Form): string[] {
  const clusters: string[] = [];
  let current = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const ascii = code < 0x80 && current.charCodeAt(current.length - 1) < 0x80;
    if (current !== '' && !JOINS_PREVIOUS.test(ch) && (ascii || (current + ch).normalize(form) === current.normalize(form) + ch.normalize(form))) {
      clusters.push(current);
      current = ch;
    } else current += ch;
  }
  if (current !== '') clusters.push(current);
  return clusters;
}

/**
 * Unicode normalization with Hugging Face's alignment: output characters take the original characters'
 * spans in order; when a cluster shrinks (composition) its first output character absorbs the surplus,
 * and when it grows (decomposition) each character's expansion keeps that character's span.
 */
function normalizeAligned(source: AlignedText, form: Form): AlignedText {
  const out = new AlignedBuilder();
  let from = 0;
  for (const cluster of normalizationClusters(source.text, form)) {
    const inChars = Array.from(cluster);
    const outChars = Array.from(cluster.normalize(form));
    const units: number[] = [];
    for (let i = 0, at = from; i < inChars.length; at += (inChars[i] as string).length, i++) units.push(at);
    const span = (i: number): [number, number] => [source.start[units[i] as number] as number, source.end[units[i] as number] as number];
    if (outChars.length <= inChars.length) {
      const surplus = inChars.length - outChars.length;
      outChars.forEach((ch, i) => out.push(ch, ...span(i === 0 ? 0 : i + surplus)));
    } else {
      const pieces = inChars.map((ch) => ch.normalize(form));
      if (pieces.join('') === outChars.join('')) pieces.forEach((p, i) => out.push(p, ...span(i)));
      else outChars.forEach((ch, i) => out.push(ch, ...span(Math.min(i, inChars.length - 1))));
    }
    from += cluster.length;
  }
  return out.build();
}

/**
 * Replaces each match of `regex` (global) with `content`. As in Hugging Face (the match is removed,
 * then the content inserted after it), the content takes the span of the match's last character.
 */
function replaceAligned(source: AlignedText, regex: RegExp, content: string): AlignedText {
  const out = new AlignedBuilder();
  let last = 0;
  regex.lastIndex = 0;
  for (let m = regex.exec(source.text); m !== null; m = regex.exec(source.text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    out.copy(source, last, m.index);
    const end = m.index + m[0].length;
    out.push(content, source.start[end - 1] as number, source.end[end - 1] as number);
    last = end;
  }
  out.copy(source, last, source.text.length);
  return out.build();
}

/** The aligned twin of `buildNormalizer` (same semantics; the string result is identical). */
export function buildAlignedNormalizer(value: unknown, path = 'normalizer'): AlignedNormalizer | null {
  if (value === null || value === undefined) return null;
  const spec: Spec = object(value, path);
  switch (spec.type) {
    case 'NFC':
    case 'NFD':
    case 'NFKC':
    case 'NFKD': {
      const form = spec.type;
      return (text) => normalizeAligned(text, form);
    }
    case 'Lowercase':
      return (source) => {
        const out = new AlignedBuilder();
        for (let i = 0; i < source.text.length; ) {
          const units = (source.text.codePointAt(i) as number) > 0xffff ? 2 : 1;
          out.push(source.text.slice(i, i + units).toLowerCase(), source.start[i] as number, source.end[i] as number);
          i += units;
        }
        return out.build();
      };
    case 'Prepend': {
      const prefix = literal(spec.prepend, `${path}.prepend`);
      return (source) => {
        if (source.text.length === 0) return source;
        // The prefix takes the first character's span, as Hugging Face's prepend does.
        const out = new AlignedBuilder();
        out.push(prefix, source.start[0] as number, source.end[0] as number);
        out.copy(source, 0, source.text.length);
        return out.build();
      };
    }
    case 'Replace': {
      const target = pattern(spec.pattern, `${path}.pattern`);
      const content = literal(spec.content, `${path}.content`);
      const regex = target.kind === 'String' ? literalAlternation([target.source], `${path}.pattern`) : translateRegex(target.source);
      return (source) => replaceAligned(source, regex, content);
    }
    case 'Strip': {
      const left = spec.strip_left !== false;
      const right = spec.strip_right !== false;
      return (source) => {
        const from = left ? source.text.length - source.text.trimStart().length : 0;
        const to = right ? source.text.trimEnd().length : source.text.length;
        const out = new AlignedBuilder();
        if (to > from) out.copy(source, from, to);
        return out.build();
      };
    }
    case 'Sequence': {
      const stages = array(spec.normalizers, `${path}.normalizers`)
        .map((stage, i) => buildAlignedNormalizer(stage, `${path}.normalizers[${i}]`))
        .filter((stage): stage is AlignedNormalizer => stage !== null);
      return (text) => stages.reduce((s, stage) => stage(s), text);
    }
    default:
      return null; // buildNormalizer has already rejected it
  }
}
