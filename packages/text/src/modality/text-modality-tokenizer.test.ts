import { createJointVocabulary, createJointTokenizer, createModalityTokenizer, type LayoutSpec, type TokenBlock } from '@jointok/core';
import { describeModalityTokenizer } from '@jointok/core/test';
import { describe, expect, it } from 'vitest';
import { lenmlModelFile } from '../../test/lenml-models.js';
import { getEncoding } from '../encodings/get-encoding.js';
import { fromTokenizerJson } from '../tokenizer-json/from-tokenizer-json.js';
import { textModalityTokenizer } from './text-modality-tokenizer.js';

const samples = () => ['Hello world', 'Grüße, 世界 👋', '', 'a<|endoftext|>b'.replace('<|endoftext|>', ' ')];

describeModalityTokenizer('o200k_base as a text ModalityTokenizer', {
  create: async () => (await getEncoding('o200k_base')).toModalityTokenizer(),
  inputs: samples,
  reencodeStable: true,
});

// Parsed once: a fresh adapter per test is what the suite needs, not a fresh parse.
const llama3 = fromTokenizerJson(lenmlModelFile('llama3', 'tokenizer.json'));
describeModalityTokenizer('Llama 3 tokenizer.json as a text ModalityTokenizer', {
  create: () => llama3.toModalityTokenizer(),
  inputs: samples,
  reencodeStable: true,
});

describe('text tokenizers in createJointTokenizer', () => {
  // o200k text ids below 200019, then an image block between two markers, codes from 200021.
  const layout: LayoutSpec = {
    format: 'jointok.layout',
    version: 1,
    name: 'o200k-image',
    text: { size: 200019 },
    tokens: { boi: { id: 200019 }, eoi: { id: 200020 } },
    spaces: [{ name: 'image', modality: 'image', codes: { type: 'offset', base: { id: 200021 }, codebookSize: 8 }, begin: ['boi'], end: ['eoi'], body: { type: 'grid', shape: [2, 2] } }],
  };
  const image = createModalityTokenizer<number[], number[], 'image'>({
    modality: 'image',
    codeSpace: { axes: ['height', 'width'], sizes: [2, 2], streams: [{ name: 'image', codebookSize: 8 }] },
    encode: (codes) => ({ modality: 'image', codes: Int32Array.from(codes), shape: [2, 2], meta: {} }),
    decode: (block: TokenBlock<'image'>) => [...block.codes],
  });

  it('takes an encoding as it is and writes its ids around the media blocks', async () => {
    const enc = await getEncoding('o200k_base');
    const joint = createJointTokenizer({ vocabulary: createJointVocabulary(layout), text: enc, image });
    const encoded = await joint.encode([{ type: 'text', text: 'A cat:' }, { type: 'image', image: [1, 2, 3, 7] }, { type: 'text', text: ' done.' }]);
    expect([...encoded.ids]).toEqual([...enc.encode('A cat:'), 200019, 200022, 200023, 200024, 200028, 200020, ...enc.encode(' done.')]);
    const decoded = await joint.decode(encoded.ids);
    expect(decoded.parts).toEqual([{ type: 'text', text: 'A cat:' }, { type: 'image', image: [1, 2, 3, 7], space: 'image' }, { type: 'text', text: ' done.' }]);
  });

  it('checks the tokenizer options: a text tokenizer where an image one belongs is a typed error', async () => {
    const enc = await getEncoding('o200k_base');
    expect(() => createJointTokenizer({ vocabulary: createJointVocabulary(layout), image: enc })).toThrowError(/options\.image \(a text tokenizer\) is text, expected image/);
    expect(() => createJointTokenizer({ vocabulary: createJointVocabulary(layout), text: { encode: () => [1] } as never })).toThrowError(/Invalid options\.text/);
  });

  it('adds no BOS to text parts of tokenizer.json tokenizers unless asked', () => {
    // Gemma 3's post-processor puts <bos> first.
    const gemma = fromTokenizerJson(lenmlModelFile('gemma3', 'tokenizer.json'));
    const plain = gemma.toModalityTokenizer().encode('hi') as TokenBlock<'text'>;
    const withBos = textModalityTokenizer(gemma, { encodeOptions: { addSpecialTokens: true } }).encode('hi') as TokenBlock<'text'>;
    expect([...plain.codes]).toEqual(gemma.encode('hi', { addSpecialTokens: false }));
    expect([...withBos.codes]).toEqual(gemma.encode('hi'));
    expect(withBos.codes.length).toBe(plain.codes.length + 1);
  });

  it('refuses ids outside the vocabulary when decoding', async () => {
    const text = (await getEncoding('cl100k_base')).toModalityTokenizer();
    expect(() => text.decode({ modality: 'text', codes: Int32Array.of(5, 100_300), shape: [2], meta: {} })).toThrowError(/code 100300/);
  });
});
