import { InvalidArgumentError } from '@jointok/core';
import { getEncoding, type EncodingName } from './get-encoding.js';
import type { Encoding } from '../encoding/index.js';

/** Exact model names → encoding (the subset of tiktoken's table whose encodings ship here). */
const MODELS: Readonly<Record<string, EncodingName>> = {
  'gpt-4o': 'o200k_base',
  'gpt-4': 'cl100k_base',
  'gpt-3.5-turbo': 'cl100k_base',
  'gpt-35-turbo': 'cl100k_base',
  'text-embedding-ada-002': 'cl100k_base',
  'text-embedding-3-small': 'cl100k_base',
  'text-embedding-3-large': 'cl100k_base',
  'davinci-002': 'cl100k_base',
  'babbage-002': 'cl100k_base',
};

/** Model-name prefixes → encoding, longest match first, as tiktoken resolves dated model versions. */
const PREFIXES: ReadonlyArray<readonly [string, EncodingName]> = [
  ['gpt-4o-', 'o200k_base'],
  ['gpt-4.1', 'o200k_base'],
  ['gpt-4.5', 'o200k_base'],
  ['gpt-5', 'o200k_base'],
  ['chatgpt-4o-', 'o200k_base'],
  ['o1', 'o200k_base'],
  ['o3', 'o200k_base'],
  ['o4-mini', 'o200k_base'],
  ['gpt-oss', 'o200k_base'],
  ['gpt-4-', 'cl100k_base'],
  ['gpt-3.5-turbo-', 'cl100k_base'],
  ['gpt-35-turbo-', 'cl100k_base'],
  ['ft:gpt-4o', 'o200k_base'],
  ['ft:gpt-4', 'cl100k_base'],
  ['ft:gpt-3.5-turbo', 'cl100k_base'],
  ['ft:davinci-002', 'cl100k_base'],
  ['ft:babbage-002', 'cl100k_base'],
];

/** The encoding name a model uses, or `undefined` when no shipped encoding matches. */
export function encodingNameForModel(model: string): EncodingName | undefined {
  const exact = MODELS[model];
  if (exact !== undefined) return exact;
  let best: readonly [string, EncodingName] | undefined;
  for (const entry of PREFIXES) if (model.startsWith(entry[0]) && (best === undefined || entry[0].length > best[0].length)) best = entry;
  return best?.[1];
}

/** Loads the encoding of an OpenAI model name (`'gpt-4o'`, `'gpt-4-0613'`, `'o3-mini'`). */
export async function encodingForModel(model: string): Promise<Encoding> {
  const name = typeof model === 'string' ? encodingNameForModel(model) : undefined;
  if (name === undefined) {
    throw new InvalidArgumentError({ argument: 'model', expected: 'an OpenAI model name whose encoding is o200k_base or cl100k_base (e.g. gpt-4o, gpt-4)', received: model });
  }
  return getEncoding(name);
}
