import { InvalidArgumentError } from '../errors/invalid-argument-error.js';

/**
 * What a layout's token strings are resolved against: the token → id map of the model's vocabulary
 * (Hugging Face `tokenizer.json` vocab plus added tokens, a `.tiktoken` rank file plus specials, ...).
 */
export interface VocabularyArtifacts {
  readonly tokens: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
}

/** Normalises the artifacts' token map to a `Map`, checking every id is a non-negative int32. */
export function tokenMap(artifacts: VocabularyArtifacts): ReadonlyMap<string, number> {
  const source = artifacts.tokens;
  const entries = source instanceof Map ? [...source.entries()] : Object.entries(source as Record<string, number>);
  const map = new Map<string, number>();
  for (const [token, id] of entries) {
    if (!Number.isInteger(id) || id < 0 || id > 0x7fffffff)
      throw new InvalidArgumentError({ argument: `artifacts.tokens[${JSON.stringify(token)}]`, expected: 'a non-negative integer id', received: id });
    map.set(token, id);
  }
  return map;
}

/**
 * Reads the token → id map from a Hugging Face `tokenizer.json` object: `model.vocab` plus
 * `added_tokens` (added tokens win, as in the tokenizers library).
 */
export function artifactsFromTokenizerJson(json: unknown): VocabularyArtifacts {
  const root = (typeof json === 'object' && json !== null ? json : {}) as { model?: { vocab?: unknown }; added_tokens?: unknown };
  const vocab = root.model?.vocab;
  if (typeof vocab !== 'object' || vocab === null || Array.isArray(vocab))
    throw new InvalidArgumentError({ argument: 'tokenizerJson.model.vocab', expected: 'an object mapping token strings to ids', received: vocab });
  const tokens = new Map<string, number>(Object.entries(vocab as Record<string, number>));
  if (Array.isArray(root.added_tokens)) {
    for (const added of root.added_tokens as { content?: unknown; id?: unknown }[]) {
      if (typeof added.content === 'string' && typeof added.id === 'number') tokens.set(added.content, added.id);
    }
  }
  return { tokens };
}
