// Every single id of the shipped and tested vocabularies decodes to what Hugging Face's Rust tokenizers
// gives (the reference for tokenizer.json; for the tiktoken vocabularies, their tokenizer.json form, which
// HF decodes byte for byte as tiktoken does). Tokens starting with a UTF-8 byte-order mark keep U+FEFF.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { get_encoding } from 'tiktoken';
import { getEncoding } from '../src/encodings/get-encoding.js';
import { fromTokenizerJson } from '../src/tokenizer-json/from-tokenizer-json.js';
import type { HfTokenizer } from '../src/tokenizer-json/hf-tokenizer.js';
import { lenmlModelFile } from './lenml-models.js';

const require = createRequire(import.meta.url);
interface RustTokenizer {
  decodeBatch(ids: number[][], skipSpecialTokens: boolean): Promise<string[]>;
  idToToken(id: number): string | null;
  getVocabSize(withAddedTokens: boolean): number;
}
const { Tokenizer } = require('tokenizers') as { Tokenizer: { fromString(json: string): RustTokenizer } };

/**
 * Ids whose Rust decode differs from ours, with both strings (first few). Ids that are no token (holes in
 * a vocabulary) decode to "" in Rust and throw UnknownTokenIdError here: both say "no token".
 */
async function differences(rust: RustTokenizer, ours: HfTokenizer): Promise<string[]> {
  const size = Math.max(ours.vocabularySize, rust.getVocabSize(true));
  const ids = Array.from({ length: size }, (_, id) => id).filter((id) => rust.idToToken(id) !== null);
  const expected = await rust.decodeBatch(ids.map((id) => [id]), false);
  const problems: string[] = [];
  ids.forEach((id, i) => {
    if (problems.length >= 5) return;
    let got: string;
    try {
      got = ours.decode([id]);
    } catch (error) {
      got = `(${(error as Error).name})`;
    }
    if (got !== expected[i]) problems.push(`${id}: ${JSON.stringify(got)} vs ${JSON.stringify(expected[i])}`);
  });
  return problems;
}

// Parsed once per vocabulary: the every-id check and the BOM check share them.
const parsed = new Map<string, HfTokenizer>();
const ours = (name: string) => {
  let tokenizer = parsed.get(name);
  if (tokenizer === undefined) parsed.set(name, (tokenizer = fromTokenizerJson(lenmlModelFile(name, 'tokenizer.json'))));
  return tokenizer;
};

describe('decoding every id', () => {
  it.each(['o200k_base', 'cl100k_base'] as const)('%s (shipped): as tiktoken decodes each token, BOM tokens included', async (name) => {
    // tiktoken (Rust, WASM build) gives each token's bytes; Python's decode turns them into text with
    // errors='replace', which Node's Buffer decoding matches (keeping a leading U+FEFF).
    const enc = await getEncoding(name);
    const reference = get_encoding(name);
    try {
      const problems: string[] = [];
      const bom = enc.encodeOrdinary('\uFEFF');
      expect(enc.decode(bom)).toBe('\uFEFF');
      for (let id = 0; id < enc.vocabularySize && problems.length < 5; id++) {
        // Ids between the ranks and the special tokens are no token: ours refuses them (asking the WASM
        // reference about them would poison it), so only tokens are compared.
        let got: string;
        try {
          got = enc.decode([id]);
        } catch {
          continue;
        }
        const expected = Buffer.from(reference.decode_single_token_bytes(id)).toString('utf8');
        if (got !== expected) problems.push(`${id}: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`);
      }
      expect(problems).toEqual([]);
    } finally {
      reference.free();
    }
  });

  it.each(['llama3', 'qwen3', 'gemma3', 'llama2', 'gpt4o'])('%s tokenizer.json', async (name) => {
    const rust = Tokenizer.fromString(JSON.stringify(lenmlModelFile(name, 'tokenizer.json')));
    expect(await differences(rust, ours(name))).toEqual([]);
  });

  it('byte-fallback vocabularies keep a BOM anywhere in the text', () => {
    const gemma = ours('gemma3');
    const ids = [gemma.tokenToId('▁a')!, gemma.tokenToId('<0xEF>')!, gemma.tokenToId('<0xBB>')!, gemma.tokenToId('<0xBF>')!, gemma.tokenToId('b')!];
    expect(gemma.decode(ids)).toBe(' a\uFEFFb');
    const stream = gemma.createDecodeStream();
    expect(ids.map((id) => stream.write(id)).join('')).toBe(' a\uFEFFb');
  });
});
