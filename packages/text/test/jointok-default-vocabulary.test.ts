// The jointok default vocabulary written as a tokenizer.json loads in Hugging Face tokenizers (the Rust
// binding) with the same ids as ours: o200k text, then the markers and code tokens of the default layout.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { artifactsFromTokenizerJson, createJointokDefaultLayout, createJointVocabulary, JOINTOK_DEFAULT_MARKERS } from '@jointok/core';
import { getEncoding } from '../src/encodings/get-encoding.js';
import { createJointokDefaultVocabulary, jointokDefaultTokenizerJson } from '../src/joint/jointok-default-vocabulary.js';
import { loadCorpus } from './load-corpus.js';

const require = createRequire(import.meta.url);
interface RustTokenizer {
  encode(text: string, pair: null, options: { addSpecialTokens: boolean }): Promise<{ getIds(): number[] }>;
  decode(ids: number[], skipSpecialTokens: boolean): Promise<string>;
  tokenToId(token: string): number | null;
  getVocabSize(withAddedTokens: boolean): number;
}
const { Tokenizer } = require('tokenizers') as { Tokenizer: { fromString(json: string): RustTokenizer } };

// A small image codebook keeps the file and the test small; the structure does not depend on the size.
const options = { imageCodebookSize: 1000, audioCodebookSize: 256 };

describe('jointok default vocabulary', () => {
  const json = jointokDefaultTokenizerJson(options);
  const rust = Tokenizer.fromString(JSON.stringify(json));
  const vocabulary = createJointokDefaultVocabulary(options);

  it('places the markers and code tokens after o200k_base, in the Rust binding too', () => {
    JOINTOK_DEFAULT_MARKERS.forEach((marker, i) => expect(rust.tokenToId(marker)).toBe(200019 + i));
    expect(rust.tokenToId('<|image_0|>')).toBe(200026);
    expect(rust.tokenToId('<|audio_0|>')).toBe(200026 + 1000);
    expect(rust.tokenToId('<|video_999|>')).toBe(200026 + 1000 + 256 + 999);
    expect(rust.getVocabSize(true)).toBe(200026 + 1000 + 256 + 1000);
    expect(rust.tokenToId("<|endofprompt|>")).toBe(200018);
    expect(rust.tokenToId("<|reserved_200017|>")).toBe(200017);
    expect(vocabulary.spaces.map((s) => [s.name, s.ids.bounds[0], s.codebookSize])).toEqual([
      ['image', 200026, 1000],
      ['audio', 201026, 256],
      ['video', 201282, 1000],
    ]);
  });

  it('resolves every marker and code block to the ids of the tokenizer.json, without building it', () => {
    const fromJson = createJointVocabulary(createJointokDefaultLayout(options), artifactsFromTokenizerJson(json));
    expect(vocabulary.textSize).toBe(fromJson.textSize);
    const names = ['imageStart', 'imageEnd', 'audioStart', 'audioEnd', 'videoStart', 'videoEnd', 'frameEnd'];
    names.forEach((name, i) => expect(vocabulary.tokenId(name)).toBe(rust.tokenToId(JOINTOK_DEFAULT_MARKERS[i]!)));
    expect(vocabulary.spaces.map((s) => [s.name, [...s.ids.bounds]])).toEqual(fromJson.spaces.map((s) => [s.name, [...s.ids.bounds]]));
    expect(Math.max(...vocabulary.spaces.map((s) => s.ids.bounds.at(-1)!))).toBe(rust.getVocabSize(true));
  });

  it('encodes text as tiktoken o200k_base does, in the Rust binding', async () => {
    const enc = await getEncoding('o200k_base');
    for (const text of loadCorpus().documents.slice(0, 20)) {
      expect((await rust.encode(text, null, { addSpecialTokens: false })).getIds()).toEqual(enc.encodeOrdinary(text));
    }
  });

  it('writes a chat with text, an image and a sound as ids that the Rust binding decodes to the same tokens', async () => {
    const enc = await getEncoding('o200k_base');
    const text = enc.encode('A cat says:');
    const { ids } = vocabulary.serialize([
      { modality: 'text', codes: Int32Array.from(text), shape: [text.length], meta: {} },
      { modality: 'image', codes: Int32Array.of(0, 1, 998, 999, 5, 6), shape: [2, 3], meta: {} },
      { modality: 'audio', codes: Int32Array.of(0, 255, 128), shape: [1, 3], meta: {} },
    ]);
    expect(await rust.decode([...ids], false)).toBe(
      'A cat says:<|image_start|>2*3<|image_0|><|image_1|><|image_998|><|image_999|><|image_5|><|image_6|><|image_end|><|audio_start|><|audio_0|><|audio_255|><|audio_128|><|audio_end|>',
    );
    // And Hugging Face reads that string back to the same ids.
    const text2 = await rust.decode([...ids], false);
    expect((await rust.encode(text2, null, { addSpecialTokens: false })).getIds()).toEqual([...ids]);
    const parsed = vocabulary.parse(ids);
    expect(parsed.blocks.map((b) => [b.modality, b.shape])).toEqual([['text', [text.length]], ['image', [2, 3]], ['audio', [1, 3]]]);
  });
});
