import { InvalidSpecError } from '@jointok/core';
import { LossyConversionError } from '../errors/index.js';
import { readAddedTokens } from '../tokenizer-json/added-tokens.js';
import { byteLevelToBytes } from '../tokenizer-json/byte-level-alphabet.js';
import { array, integer, object, string, type Spec } from '../tokenizer-json/spec.js';
import { RankTable, type FlatVocabulary } from '../vocabulary/index.js';
import { checkAddedTokens } from './check-added-tokens.js';
import { checkMerges } from './check-merges.js';
import { patternFromPreTokenizer } from './pattern-from-pre-tokenizer.js';
import { toTiktoken } from './to-tiktoken.js';
import { readMerges } from '../tokenizer-json/read-merges.js';
import { readTokenizerJson } from '../tokenizer-json/read-tokenizer-json.js';

/** A tokenizer in tiktoken's terms: load it with `fromTiktoken(ranks, { pattern, specialTokens })`. */
export interface TiktokenForm {
  /** The `.tiktoken` file text (`<base64 token> <rank>` per line); rank = tokenizer.json id. */
  ranks: string;
  /** The same ranks as byte ranges. */
  vocabulary: FlatVocabulary;
  /** tiktoken `pat_str`. */
  pattern: string;
  /** Added tokens, content → id. Encode with `allowedSpecial: 'all'`: Hugging Face always matches them. */
  specialTokens: Record<string, number>;
}

/** Options of {@link tokenizerJsonToTiktoken}. */
export interface TokenizerJsonToTiktokenOptions {
  /**
   * Drop a post-processor that adds tokens (BOS/EOS templates): the result then equals Hugging Face's
   * `encode(text, { addSpecialTokens: false })`. Default false, where such a post-processor is lossy.
   */
  ignorePostProcessor?: boolean;
}

const lossy = (component: string, reason: string): LossyConversionError => new LossyConversionError({ component, reason, target: 'tiktoken' });
const absent = (value: unknown): boolean => value === undefined || value === null;

function checkPostProcessor(value: unknown, path: string): void {
  if (absent(value)) return;
  const spec = object(value, path);
  if (spec.type === 'ByteLevel') return; // offsets only
  if (spec.type === 'Sequence') return array(spec.processors, `${path}.processors`).forEach((p, i) => checkPostProcessor(p, `${path}.processors[${i}]`));
  throw lossy(path, `of type ${JSON.stringify(spec.type)} adds tokens, which tiktoken never does (pass ignorePostProcessor: true to drop it)`);
}

/** The model's vocabulary as ranks (id = rank), every token a byte-level string. */
function readVocabulary(model: Spec): { vocabulary: FlatVocabulary; ids: Map<string, number>; tokens: string[] } {
  const ids = new Map<string, number>();
  const tokens: string[] = [];
  for (const [token, value] of Object.entries(object(model.vocab, 'model.vocab'))) {
    const id = integer(value, `model.vocab[${JSON.stringify(token)}]`);
    if (tokens[id] !== undefined) throw new InvalidSpecError({ path: `model.vocab[${JSON.stringify(token)}]`, expected: 'an id no other token has', received: id });
    ids.set(token, id);
    tokens[id] = token;
  }
  const chunks: Uint8Array[] = [];
  const offsets = new Uint32Array(tokens.length + 1);
  let total = 0;
  for (let id = 0; id < tokens.length; id++) {
    const token = tokens[id];
    const bytes = token === undefined ? new Uint8Array(0) : byteLevelToBytes(token);
    if (bytes === null) throw lossy(`model.vocab[${JSON.stringify(token)}]`, 'is not written in the byte-level alphabet, so it stands for no byte string');
    chunks.push(bytes);
    total += bytes.length;
    offsets[id + 1] = total;
  }
  const bytes = new Uint8Array(total);
  chunks.forEach((chunk, id) => bytes.set(chunk, offsets[id] as number));
  return { vocabulary: { bytes, offsets }, ids, tokens };
}

/** `[left, right, merged]` ids per line of `model.merges`. */
function mergeTriples(model: Spec, ids: Map<string, number>): Int32Array {
  const merges = new Int32Array(array(model.merges, 'model.merges').length * 3);
  readMerges(model.merges, ids, 'model', (a, b, t, i) => merges.set([a, b, t], 3 * i));
  return merges;
}

/**
 * Converts a Hugging Face byte-level BPE `tokenizer.json` (its text or parsed object) to tiktoken's
 * form — ranks, `pat_str`, special tokens — when that loses nothing: the result encodes every text to
 * the ids Hugging Face gives (`addSpecialTokens: false` when `ignorePostProcessor`). Anything without a
 * tiktoken equivalent (a normalizer, a prefix space, merges out of rank order, lstrip added tokens…)
 * throws {@link LossyConversionError} naming its JSON path; malformed fields throw `InvalidSpecError`.
 */
export function tokenizerJsonToTiktoken(json: string | object, options: TokenizerJsonToTiktokenOptions = {}): TiktokenForm {
  const spec = readTokenizerJson(json);
  for (const key of ['truncation', 'padding', 'normalizer'] as const) {
    if (!absent(spec[key])) throw lossy(key, 'is set; tiktoken has no such stage');
  }
  const pattern = patternFromPreTokenizer(spec.pre_tokenizer);
  if (!options.ignorePostProcessor) checkPostProcessor(spec.post_processor, 'post_processor');
  if (!absent(spec.decoder) && object(spec.decoder, 'decoder').type !== 'ByteLevel') throw lossy('decoder', 'is not ByteLevel, so decoding would differ from tiktoken’s bytes');
  const model = object(spec.model, 'model');
  if (model.type !== undefined && model.type !== 'BPE') throw lossy('model', `of type ${JSON.stringify(model.type)} is not BPE`);
  for (const key of ['dropout', 'continuing_subword_prefix', 'end_of_word_suffix'] as const) {
    if (!absent(model[key]) && model[key] !== '' && model[key] !== 0) throw lossy(`model.${key}`, `is ${JSON.stringify(model[key])}; tiktoken has no such option`);
  }
  const { vocabulary, ids, tokens } = readVocabulary(model);
  const table = new RankTable(vocabulary.bytes, vocabulary.offsets);
  const missing = table.byteRanks.indexOf(-1);
  if (missing >= 0) throw lossy('model.vocab', `has no token for byte ${missing}; tiktoken starts every piece from single-byte tokens`);
  const show = (id: number): string => JSON.stringify(tokens[id]);
  const added = readAddedTokens(spec.added_tokens).map((token) => ({ ...token, id: ids.get(token.content) ?? token.id }));
  checkAddedTokens(added);
  checkMerges(table, mergeTriples(model, ids), model.ignore_merges === true, new Set(added.map((t) => t.id)), show);
  const specialTokens: Record<string, number> = {};
  for (const token of added) specialTokens[token.content] ??= token.id;
  return { ranks: toTiktoken(vocabulary), vocabulary, pattern, specialTokens };
}
