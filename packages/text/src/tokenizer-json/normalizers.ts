import { translateRegex } from '../pretokenize/index.js';
import { sharedStage } from './shared-stage.js';
import { array, literal, object, pattern, type Spec, string, unsupported } from './spec.js';

/** A normalizer stage: string → string. (Offsets are not tracked through normalizers yet.) */
export type Normalizer = (text: string) => string;

const SUPPORTED = ['NFC', 'NFD', 'NFKC', 'NFKD', 'Lowercase', 'Prepend', 'Replace', 'Strip', 'Sequence'];

/** Builds the `normalizer` of a tokenizer.json (null → identity). */
export function buildNormalizer(value: unknown, path = 'normalizer'): Normalizer | null {
  if (value === null || value === undefined) return null;
  return sharedStage(builtNormalizers, value, () => buildNewNormalizer(value, path));
}

const builtNormalizers = new Map<string, Normalizer | null>();

function buildNewNormalizer(value: unknown, path: string): Normalizer | null {
  const spec: Spec = object(value, path);
  switch (spec.type) {
    case 'NFC':
    case 'NFD':
    case 'NFKC':
    case 'NFKD': {
      const form = spec.type;
      return (text) => text.normalize(form);
    }
    case 'Lowercase':
      // Hugging Face lowercases char by char; JavaScript's toLowerCase also applies Final_Sigma (Σ → ς
      // at a word end), its only context rule, so text with Σ goes char by char.
      return (text) => (text.includes('\u03a3') ? Array.from(text, (ch) => ch.toLowerCase()).join('') : text.toLowerCase());
    case 'Prepend': {
      const prefix = literal(spec.prepend, `${path}.prepend`);
      // Hugging Face prepends only to non-empty text.
      return (text) => (text.length > 0 ? prefix + text : text);
    }
    case 'Replace': {
      const target = pattern(spec.pattern, `${path}.pattern`);
      const content = literal(spec.content, `${path}.content`);
      if (target.kind === 'String') {
        const source = target.source;
        // replaceAll is one native pass; an empty pattern is split/join's (between units, not also at both ends).
        return source.length > 0 ? (text) => text.replaceAll(source, content) : (text) => text.split(source).join(content);
      }
      const regex = translateRegex(target.source);
      return (text) => text.replace(regex, () => content);
    }
    case 'Strip': {
      const left = spec.strip_left !== false;
      const right = spec.strip_right !== false;
      return (text) => (left && right ? text.trim() : left ? text.trimStart() : right ? text.trimEnd() : text);
    }
    case 'Sequence': {
      const stages = array(spec.normalizers, `${path}.normalizers`)
        .map((stage, i) => buildNormalizer(stage, `${path}.normalizers[${i}]`))
        .filter((stage): stage is Normalizer => stage !== null);
      return (text) => stages.reduce((s, stage) => stage(s), text);
    }
    default:
      return unsupported(path, spec.type, SUPPORTED);
  }
}
