import { artifactsFromTokenizerJson, InvalidArgumentError, type TokenizerOption, type VocabularyArtifacts } from '@jointok/core';
import { fromTokenizerJson, getEncoding } from '@jointok/text';
import type { CreateJointTokenizerOptions } from './options.js';

/** A resolved text option: the tokenizer, the name it was given by, and the token strings a layout can resolve. */
export interface ResolvedText {
  readonly tokenizer: TokenizerOption;
  /** `'o200k_base'`, `'cl100k_base'`, `'tokenizer.json'` or `'custom'`. */
  readonly name: string;
  /** The tokenizer.json it was built from, whose token strings a layout can name. */
  readonly tokenizerJson?: Record<string, unknown>;
}

function isTokenizerJsonOption(value: unknown): value is { tokenizerJson: unknown } {
  return typeof value === 'object' && value !== null && 'tokenizerJson' in value;
}

/** Builds the text tokenizer of the options. */
export async function resolveTextOption(option: CreateJointTokenizerOptions['text']): Promise<ResolvedText> {
  if (option === undefined || option === 'o200k_base' || option === 'cl100k_base') {
    const name = option ?? 'o200k_base';
    return { tokenizer: await getEncoding(name), name };
  }
  if (typeof option === 'string') throw new InvalidArgumentError({ argument: 'options.text', expected: "'o200k_base', 'cl100k_base', { tokenizerJson } or a tokenizer", received: option });
  if (isTokenizerJsonOption(option)) {
    const source = option.tokenizerJson;
    let json: unknown = source;
    if (typeof source === 'string') {
      try {
        json = JSON.parse(source);
      } catch (cause) {
        throw new InvalidArgumentError({ argument: 'options.text.tokenizerJson', expected: 'the JSON text of a tokenizer.json', received: `${source.slice(0, 40)}…`, cause });
      }
    }
    if (typeof json !== 'object' || json === null) throw new InvalidArgumentError({ argument: 'options.text.tokenizerJson', expected: 'a tokenizer.json object or its text', received: json });
    return { tokenizer: fromTokenizerJson(json as never), name: 'tokenizer.json', tokenizerJson: json as Record<string, unknown> };
  }
  return { tokenizer: option as TokenizerOption, name: 'custom' };
}

/** The token strings of a resolved text tokenizer that a layout may name (empty for tiktoken encodings). */
export function textArtifacts(text: ResolvedText): VocabularyArtifacts {
  return text.tokenizerJson === undefined ? { tokens: new Map() } : artifactsFromTokenizerJson(text.tokenizerJson);
}
