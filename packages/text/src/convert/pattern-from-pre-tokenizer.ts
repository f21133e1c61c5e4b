import { LossyConversionError } from '../errors/index.js';
import { scannerForPattern, translateRegex } from '../pretokenize/index.js';
import { GPT2_PATTERN } from '../tokenizer-json/pre-tokenizers.js';
import { object, type Spec } from '../tokenizer-json/spec.js';

const lossy = (component: string, reason: string): LossyConversionError => new LossyConversionError({ component, reason, target: 'tiktoken' });

/** The ByteLevel stage must only map bytes: no prefix space (tiktoken adds none). */
function checkByteLevel(spec: Spec, path: string, regexAllowed: boolean): void {
  if (spec.add_prefix_space !== false) throw lossy(`${path}.add_prefix_space`, 'adds a leading space, which tiktoken never does');
  if (!regexAllowed && spec.use_regex !== false) throw lossy(`${path}.use_regex`, 'splits a second time after the Split regex; tiktoken splits once');
}

/**
 * tiktoken encodes only the regex matches of a text (`find_iter`); a Split with behaviour `Isolated`
 * also encodes the gaps between matches. A gap is a maximal run of characters where the regex does not
 * match, so `R|(?:(?!R)[\p{L}\P{L}])+` (`[\p{L}\P{L}]`: any character, in every regex flavour) yields
 * exactly Hugging Face's pieces. Regexes with a hand-written scanner (o200k/cl100k-style) match every
 * character already and stay as they are.
 */
function isolatedPattern(source: string, path: string): string {
  if (scannerForPattern(source) !== undefined) return source;
  const regex = translateRegex(source);
  regex.lastIndex = 0;
  // An empty match makes tiktoken's find_iter skip a character that Hugging Face keeps.
  if (regex.test('')) throw lossy(`${path}.pattern`, 'can match the empty string');
  return `(?:${source})|(?:(?!(?:${source}))[\\p{L}\\P{L}])+`;
}

/**
 * The tiktoken `pat_str` equivalent to a tokenizer.json `pre_tokenizer`, or a
 * {@link LossyConversionError} naming the stage that has none. Accepted: a lone ByteLevel
 * (`add_prefix_space: false`, GPT-2's regex), or a Sequence of a regex Split (`Isolated`, or
 * `Removed` with `invert: true`) and a ByteLevel without regex.
 */
export function patternFromPreTokenizer(value: unknown, path = 'pre_tokenizer'): string {
  if (value === null || value === undefined) throw lossy(path, 'is missing: byte-level BPE needs a ByteLevel pre-tokenizer');
  const spec = object(value, path);
  if (spec.type === 'ByteLevel') {
    checkByteLevel(spec, path, true);
    if (spec.use_regex === false) throw lossy(`${path}.use_regex`, 'is false: the whole text is one piece, which a tiktoken regex cannot say for texts of any length');
    return GPT2_PATTERN;
  }
  if (spec.type !== 'Sequence' || !Array.isArray(spec.pretokenizers) || spec.pretokenizers.length !== 2) {
    throw lossy(path, `of type ${JSON.stringify(spec.type)} has no tiktoken equivalent (expected Sequence[Split, ByteLevel] or ByteLevel)`);
  }
  const splitPath = `${path}.pretokenizers[0]`;
  const split = object(spec.pretokenizers[0], splitPath);
  const byteLevel = object(spec.pretokenizers[1], `${path}.pretokenizers[1]`);
  if (byteLevel.type !== 'ByteLevel') throw lossy(`${path}.pretokenizers[1]`, `of type ${JSON.stringify(byteLevel.type)} is not ByteLevel`);
  checkByteLevel(byteLevel, `${path}.pretokenizers[1]`, false);
  if (split.type !== 'Split') throw lossy(splitPath, `of type ${JSON.stringify(split.type)} is not a regex Split`);
  const pattern = object(split.pattern, `${splitPath}.pattern`);
  if (typeof pattern.Regex !== 'string') throw lossy(`${splitPath}.pattern`, 'is not a Regex');
  if (split.behavior === 'Removed' && split.invert === true) return pattern.Regex;
  if (split.behavior === 'Isolated' && split.invert !== true) return isolatedPattern(pattern.Regex, splitPath);
  throw lossy(`${splitPath}.behavior`, `${JSON.stringify(split.behavior)} with invert ${JSON.stringify(split.invert)} has no tiktoken equivalent (Isolated, or Removed with invert)`);
}
