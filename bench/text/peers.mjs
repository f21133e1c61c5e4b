// One adapter per library: `load(encoding)` imports it and returns `create()`, which makes a fresh
// instance (own caches) exposing { encode(text) → ids, decode(ids) → string }. Every adapter
// encodes special-token literals as plain text (ordinary encoding), so all do the same work.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function tokenizerFiles(encoding) {
  const name = encoding === 'o200k_base' ? 'gpt4o' : 'gpt35turbo';
  const path = require.resolve(`@lenml/tokenizer-${name}/models/tokenizer.json`);
  return { path, json: JSON.parse(readFileSync(path, 'utf8')), config: JSON.parse(readFileSync(path.replace('tokenizer.json', 'tokenizer_config.json'), 'utf8')) };
}

export const PEERS = {
  jointok: async (encoding) => {
    const mod = encoding === 'o200k_base' ? await import('@jointok/text/o200k_base') : await import('@jointok/text/cl100k_base');
    const make = encoding === 'o200k_base' ? mod.createO200kBase : mod.createCl100kBase;
    return () => {
      const enc = make();
      return { encode: (text) => enc.encodeOrdinary(text), decode: (ids) => enc.decode(ids) };
    };
  },
  tiktoken: async (encoding) => {
    const { get_encoding } = await import('tiktoken');
    const utf8 = new TextDecoder();
    return () => {
      const enc = get_encoding(encoding);
      return { encode: (text) => enc.encode_ordinary(text), decode: (ids) => utf8.decode(enc.decode(Uint32Array.from(ids))) };
    };
  },
  'js-tiktoken': async (encoding) => {
    const { Tiktoken } = await import('js-tiktoken/lite');
    const ranks = (await import(`js-tiktoken/ranks/${encoding}`)).default;
    return () => {
      const enc = new Tiktoken(ranks);
      return { encode: (text) => enc.encode(text, [], []), decode: (ids) => enc.decode(ids) };
    };
  },
  'gpt-tokenizer': async (encoding) => {
    const enc = await import(`gpt-tokenizer/encoding/${encoding}`);
    const none = new Set();
    // gpt-tokenizer is a module singleton; a fresh instance is one with its merge cache cleared.
    return () => {
      enc.clearMergeCache();
      return { encode: (text) => enc.encode(text, { disallowedSpecial: none }), decode: (ids) => enc.decode(ids) };
    };
  },
  'ai-tokenizer': async (encoding) => {
    const { Tokenizer } = await import('ai-tokenizer');
    const data = await import(`ai-tokenizer/encoding/${encoding}`);
    return () => {
      const enc = new Tokenizer(data);
      return { encode: (text) => enc.encode(text, [], []), decode: (ids) => enc.decode(ids) };
    };
  },
  // Hugging Face tokenizers on the tokenizer.json files that @lenml/tokenizer-* carry
  // (gpt4o = o200k_base, gpt35turbo = cl100k_base).
  '@huggingface/tokenizers': async (encoding) => {
    const { Tokenizer } = await import('@huggingface/tokenizers');
    const { json, config } = tokenizerFiles(encoding);
    return () => {
      const enc = new Tokenizer(json, config);
      return { encode: (text) => enc.encode(text, { add_special_tokens: false }).ids, decode: (ids) => enc.decode(ids) };
    };
  },
  'tokenizers (Rust)': async (encoding) => {
    const { Tokenizer } = require('tokenizers');
    const { path } = tokenizerFiles(encoding);
    return () => {
      const enc = Tokenizer.fromFile(path);
      return { encode: async (text) => (await enc.encode(text, null, { addSpecialTokens: false })).getIds(), decode: (ids) => enc.decode(ids, false) };
    };
  },
};

/** Import code of each library's o200k entry, for the bundle-size comparison. */
export const BUNDLE_ENTRIES = {
  jointok: "import { o200kBase } from '@jointok/text/o200k_base'; console.log(o200kBase().encode('hi'));",
  'gpt-tokenizer': "import { encode } from 'gpt-tokenizer/encoding/o200k_base'; console.log(encode('hi'));",
  'js-tiktoken': "import { Tiktoken } from 'js-tiktoken/lite'; import o200k from 'js-tiktoken/ranks/o200k_base'; console.log(new Tiktoken(o200k).encode('hi'));",
  'ai-tokenizer': "import { Tokenizer } from 'ai-tokenizer'; import * as o from 'ai-tokenizer/encoding/o200k_base'; console.log(new Tokenizer(o).encode('hi'));",
};
