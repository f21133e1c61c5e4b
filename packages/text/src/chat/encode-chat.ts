import { InvalidArgumentError, type ContentPart, type JointEncoding, type JointTokenizer, type TokenizeCallOptions } from '@jointok/core';
import { ChatTemplateError } from '../errors/chat-template-error.js';
import type { ChatMessage } from './chat-message.js';
import { applyChatTemplate, templateSource, type ChatTemplateOptions } from './render-chat-template.js';

/** Options of {@link encodeChat}. */
export interface EncodeChatOptions extends ChatTemplateOptions, TokenizeCallOptions {
  /**
   * How media parts reach the template: `parts` keeps messages' content lists (for templates that
   * iterate over content, like Gemma 3's), `string` joins each message into one string (for templates
   * that read `content` as text, like Llama 3's and Qwen 3's). Default `auto`: `parts` when the
   * template loops over a message's content.
   */
  contentFormat?: 'auto' | 'parts' | 'string';
}

// Private-use code points never occur in templates and survive `trim` and the usual filters.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SENTINEL = /\uE000jointok:media:(\d+)\uE001/g;

/** True when the template iterates over a message's content list (`{% for item in message['content'] %}`). */
export function templateIteratesContent(template: string): boolean {
  return /\{%-?\s*for\s+\w+\s+in\s+(?:\w+)(?:\.content|\[['"]content['"]\])/.test(template);
}

/**
 * Renders a multimodal conversation through the model's chat template and encodes it into joint ids:
 * each image, audio or video part becomes a placeholder the template carries through, the rendered text
 * is cut at the placeholders, and the joint tokenizer writes the text pieces with its text tokenizer and
 * each media part as a block of the layout (with the layout's own markers). The text pieces hold the
 * template's special tokens (`<|im_start|>`, `<start_of_turn>`), so the joint tokenizer's text tokenizer
 * must read them: tokenizer.json tokenizers always do; a tiktoken encoding needs
 * `toModalityTokenizer({ encodeOptions: { allowedSpecial: 'all' } })`.
 *
 * @example
 * const encoded = await encodeChat(joint, [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image', image: png }] }], { tokenizerConfig, addGenerationPrompt: true });
 * encoded.ids; // Int32Array: template text, the image block, more template text
 *
 * @throws ChatTemplateError when the template fails, or drops or repeats a media part
 */
export async function encodeChat(joint: JointTokenizer, messages: readonly ChatMessage[], options: EncodeChatOptions): Promise<JointEncoding> {
  if (typeof joint?.encode !== 'function') throw new InvalidArgumentError({ argument: 'joint', expected: 'a JointTokenizer (createJointTokenizer)', received: joint });
  if (!Array.isArray(messages)) throw new InvalidArgumentError({ argument: 'messages', expected: 'an array of { role, content } messages', received: messages });
  const format = options.contentFormat ?? 'auto';
  const asParts = format === 'parts' || (format === 'auto' && templateIteratesContent(templateSource(options)));
  const media: ContentPart[] = [];
  const placeholder = (part: ContentPart) => `${OPEN}jointok:media:${media.push(part) - 1}${CLOSE}`;

  const templated = messages.map((message, m) => {
    if (typeof message?.content === 'string' || message?.content === undefined || message.content === null) return message;
    if (!Array.isArray(message.content)) throw new InvalidArgumentError({ argument: `messages[${m}].content`, expected: 'a string or an array of content parts', received: message.content });
    const parts = (message.content as readonly ContentPart[]).map((part: ContentPart, p: number): ContentPart => {
      if (typeof part !== 'object' || part === null || typeof part.type !== 'string') throw new InvalidArgumentError({ argument: `messages[${m}].content[${p}]`, expected: 'a content part { type, ... }', received: part });
      return part.type === 'text' ? part : { type: 'text', text: placeholder(part) };
    });
    if (asParts) return { ...message, content: parts };
    return { ...message, content: parts.map((part: ContentPart) => String((part as { text?: unknown }).text ?? '')).join('') };
  });

  const text = applyChatTemplate(templated, options);
  const parts: ContentPart[] = [];
  let cursor = 0;
  let expected = 0;
  for (const match of text.matchAll(SENTINEL)) {
    const index = Number(match[1]);
    if (index !== expected) throw new ChatTemplateError({ reason: `the template ${index < expected ? 'repeated' : 'dropped or reordered'} media part ${Math.min(index, expected)} (a ${media[Math.min(index, expected)]?.type} part)` });
    if (match.index > cursor) parts.push({ type: 'text', text: text.slice(cursor, match.index) });
    parts.push(media[index]!);
    cursor = match.index + match[0].length;
    expected++;
  }
  if (expected !== media.length) throw new ChatTemplateError({ reason: `the template dropped media part ${expected} (a ${media[expected]?.type} part); does it read message content as ${asParts ? 'a list' : 'a string'}? Try contentFormat: '${asParts ? 'string' : 'parts'}'.` });
  if (cursor < text.length) parts.push({ type: 'text', text: text.slice(cursor) });
  return joint.encode(parts, options.signal === undefined ? {} : { signal: options.signal });
}
