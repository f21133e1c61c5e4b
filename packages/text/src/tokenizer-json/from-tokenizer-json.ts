import { InvalidSpecError } from '@jointok/core';
import { readAddedTokens } from './added-tokens.js';
import { buildAlignedNormalizer } from './aligned-normalizers.js';
import { BpeModel } from './bpe-model.js';
import { buildDecoder } from './decoders.js';
import { HfTokenizer } from './hf-tokenizer.js';
import { buildNormalizer } from './normalizers.js';
import { buildPostProcessor } from './post-processors.js';
import { buildPreTokenizer } from './pre-tokenizers.js';
import { object, unsupported } from './spec.js';
import { readTokenizerJson } from './read-tokenizer-json.js';

/**
 * Builds a tokenizer from a Hugging Face `tokenizer.json` (its text or parsed object). BPE models only;
 * any other component type throws `UnsupportedError` naming its JSON path and type, and malformed
 * fields throw `InvalidSpecError` naming the field.
 */
export function fromTokenizerJson(json: string | object): HfTokenizer {
  const spec = readTokenizerJson(json);
  const modelSpec = object(spec.model, 'model');
  if (modelSpec.type !== 'BPE' && !(modelSpec.type === undefined && modelSpec.merges !== undefined)) unsupported('model', modelSpec.type, ['BPE']);
  const preTokenizer = buildPreTokenizer(spec.pre_tokenizer);
  const model = new BpeModel(modelSpec, preTokenizer.byteLevel);
  // Hugging Face gives an added token whose content is already a vocabulary token that token's id,
  // whatever id the file lists.
  const addedTokens = readAddedTokens(spec.added_tokens).map((token) => {
    const id = model.vocab.get(token.content);
    return id === undefined || id === token.id ? token : { ...token, id };
  });
  return new HfTokenizer({
    normalizer: buildNormalizer(spec.normalizer),
    preTokenizer,
    model,
    addedTokens,
    postProcessor: buildPostProcessor(spec.post_processor),
    decoder: buildDecoder(spec.decoder),
    alignedNormalizer: buildAlignedNormalizer(spec.normalizer),
    offsetsUnsupported: trimmingProcessor(spec.post_processor, 'post_processor'),
  });
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
