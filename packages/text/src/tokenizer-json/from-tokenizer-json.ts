import { InvalidSpecError, UnsupportedError } from '@jointok/core';
import { describeValue } from '@jointok/core/internal';
import { checkDense } from '../vocabulary/tiktoken-file.js';
import { readAddedTokens, type AddedToken } from './added-tokens.js';
import { buildAlignedNormalizer } from './aligned-normalizers.js';
import { BpeModel, readBpeModel, type BpeModelData } from './bpe-model.js';
import { tiktokenEngine, tiktokenEngineForm, type TiktokenEngineForm } from './tiktoken-engine.js';
import { buildDecoder } from './decoders.js';
import { HfTokenizer } from './hf-tokenizer.js';
import { buildNormalizer } from './normalizers.js';
import { buildPostProcessor } from './post-processors.js';
import { buildPreTokenizer } from './pre-tokenizers.js';
import { object, unsupported, type Spec } from './spec.js';
import { readTokenizerJson } from './read-tokenizer-json.js';
import { unitReplacementOf } from './unit-replacement.js';

/** A tokenizer.json read and checked: the parts a tokenizer is built from (and a compiled one stores). */
export interface TokenizerJsonParts {
  /** The tokenizer.json root; `model.vocab` and `model.merges` are read into `model`, not used from here. */
  spec: Spec;
  /** The BPE model's vocabulary, merges and flags. */
  model: BpeModelData;
  /** The model in tiktoken's terms when its pre-tokenizer and merges allow the tiktoken engine, else null. */
  engine: TiktokenEngineForm | null;
  /**
   * The id each `added_tokens` entry ends up with (see {@link resolveAddedTokenIds}), when already known
   * (a compiled tokenizer stores them): resolving them needs the token → id map, which loading then skips.
   */
  addedTokenIds?: readonly number[];
}

/**
 * Builds a tokenizer from a Hugging Face `tokenizer.json` (its text or parsed object). BPE models only;
 * any other component type throws `UnsupportedError` naming its JSON path and type, and malformed
 * fields throw `InvalidSpecError` naming the field. A byte-level model whose pre-tokenizer is a split
 * regex plus the byte mapping (Llama 3, Qwen 2/3, GPT-4o, gpt-oss) encodes on the tiktoken engine.
 */
export function fromTokenizerJson(json: string | object): HfTokenizer {
  return buildTokenizer(readTokenizerJsonParts(json));
}

/** Reads and checks a tokenizer.json into {@link TokenizerJsonParts}. */
export function readTokenizerJsonParts(json: string | object): TokenizerJsonParts {
  const spec = readTokenizerJson(json);
  for (const field of ['truncation', 'padding'] as const) {
    // They change every encode's ids (cut, pad); silently ignoring them would give other ids than Hugging Face.
    if (spec[field] !== undefined && spec[field] !== null) {
      throw new UnsupportedError({ feature: `tokenizer.json ${field} (${describeValue(spec[field], 60)})`, supported: ['null'], message: `tokenizer.json sets ${field}, which changes the ids of every encode; jointok does not apply it. Set "${field}": null (and truncate or pad the ids yourself).` });
    }
  }
  const modelSpec = object(spec.model, 'model');
  if (modelSpec.type !== 'BPE' && !(modelSpec.type === undefined && modelSpec.merges !== undefined)) unsupported('model', modelSpec.type, ['BPE']);
  const preTokenizer = buildPreTokenizer(spec.pre_tokenizer);
  const model = readBpeModel(modelSpec, preTokenizer.byteLevel);
  const engine = tiktokenEngineForm(spec.pre_tokenizer, model, readAddedTokens(spec.added_tokens));
  return { spec, model, engine };
}

/** Builds the tokenizer of read (or decompiled) {@link TokenizerJsonParts}. */
export function buildTokenizer(parts: TokenizerJsonParts): HfTokenizer {
  const { spec } = parts;
  const preTokenizer = buildPreTokenizer(spec.pre_tokenizer);
  const model = new BpeModel(parts.model);
  const listed = readAddedTokens(spec.added_tokens);
  const ids = parts.addedTokenIds ?? resolveAddedTokenIds(listed, model);
  if (ids.length !== listed.length) throw new InvalidSpecError({ path: 'compiled tokenizer', expected: `${listed.length} added token ids`, received: ids.length });
  const addedTokens = listed.map((token, i) => (ids[i] === token.id ? token : { ...token, id: ids[i]! }));
  checkAddedTokenIds(addedTokens, model);
  return new HfTokenizer({
    normalizer: buildNormalizer(spec.normalizer),
    preTokenizer,
    model,
    engine: parts.engine === null ? null : tiktokenEngine(parts.engine),
    unitReplacement: unitReplacementOf(spec.normalizer, spec.pre_tokenizer, addedTokens, parts.model),
    addedTokens,
    postProcessor: buildPostProcessor(spec.post_processor),
    decoder: buildDecoder(spec.decoder),
    alignedNormalizer: buildAlignedNormalizer(spec.normalizer),
    offsetsUnsupported: trimmingProcessor(spec.post_processor, 'post_processor'),
  });
}

/**
 * The ids of added tokens as Hugging Face gives them: an added token whose content is already a
 * vocabulary token gets that token's id, whatever id the file lists.
 */
export function resolveAddedTokenIds(tokens: readonly { id: number; content: string }[], model: BpeModel): number[] {
  return tokens.map((token) => (model.tokenAt(token.id) === token.content ? token.id : (model.vocab.get(token.content) ?? token.id)));
}

/**
 * An added token takes its id from the file unless its content is a vocabulary token; its id must not be
 * another token's (a vocabulary token of other content, or another added token), or one of the two could
 * never be decoded; and the ids together must have no large gaps.
 */
function checkAddedTokenIds(tokens: readonly { id: number; content: string }[], model: BpeModel): void {
  const seen = new Map<number, string>();
  let largest = model.tokenSlots - 1;
  tokens.forEach((token, i) => {
    const owner = model.tokenAt(token.id);
    const clash = owner !== undefined && owner !== token.content ? owner : seen.get(token.id);
    if (clash !== undefined && clash !== token.content) {
      throw new InvalidSpecError({ path: `added_tokens[${i}].id`, expected: 'an id no other token has', received: token.id, message: `tokenizer.json added_tokens[${i}] (${JSON.stringify(token.content)}) has id ${token.id}, which ${JSON.stringify(clash)} has too; one of them could never be decoded.` });
    }
    seen.set(token.id, token.content);
    largest = Math.max(largest, token.id);
  });
  let distinct = model.tokenCount;
  for (const id of seen.keys()) if (model.tokenAt(id) === undefined) distinct++;
  checkDense(largest + 1, distinct, 'tokenizer.json added_tokens');
}

/** The JSON path of a post-processor that trims offsets (not reproduced yet), or null. */
function trimmingProcessor(value: unknown, path: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const spec = value as Record<string, unknown>;
  if (spec.type === 'ByteLevel' && spec.trim_offsets === true) return `${path} (ByteLevel, trim_offsets: true)`;
  if (spec.type === 'RobertaProcessing' && spec.trim_offsets !== false) return `${path} (RobertaProcessing, trim_offsets)`;
  if (spec.type === 'Sequence' && Array.isArray(spec.processors)) {
    for (const [i, p] of spec.processors.entries()) {
      const found = trimmingProcessor(p, `${path}.processors[${i}]`);
      if (found !== null) return found;
    }
  }
  return null;
}
