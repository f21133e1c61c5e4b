import { Template } from '@huggingface/jinja';
import { InvalidArgumentError } from '@jointok/core';
import { ChatTemplateError } from '../errors/chat-template-error.js';
import type { ChatMessage } from './chat-message.js';
import { renderWithGlobals } from './jinja-environment.js';
import { chatTemplateOf, specialTokensOf, type TokenizerConfig } from './tokenizer-config.js';

/** Options of {@link applyChatTemplate}. */
export interface ChatTemplateOptions {
  /** The model's `tokenizer_config.json` (its `chat_template` and special tokens). */
  tokenizerConfig?: TokenizerConfig;
  /** A template given directly (wins over `tokenizerConfig.chat_template`). */
  chatTemplate?: string;
  /** Which named template of the config (`tool_use`, ...); default `default`. */
  templateName?: string;
  /** End with the assistant turn's opening, as for generation; default false (as transformers). */
  addGenerationPrompt?: boolean;
  /** Tool schemas (`{ type: 'function', function: { name, description, parameters } }`). */
  tools?: readonly unknown[];
  /** Documents for retrieval-augmented templates. */
  documents?: readonly unknown[];
  /** `bos_token`, `eos_token`, ... (default: from `tokenizerConfig`). */
  specialTokens?: Readonly<Record<string, string>>;
  /** Further template variables (`enable_thinking: false`, `date_string`, ...). */
  variables?: Readonly<Record<string, unknown>>;
  /** The date `strftime_now` formats; default: now. */
  now?: Date;
}

// Templates are parsed once; a model's template is rendered many times.
const compiled = new Map<string, Template>();

function compile(source: string): Template {
  let template = compiled.get(source);
  if (template === undefined) {
    try {
      template = new Template(source);
    } catch (cause) {
      throw new ChatTemplateError({ reason: `the template does not parse: ${(cause as Error).message}`, cause });
    }
    if (compiled.size >= 32) compiled.delete(compiled.keys().next().value as string);
    compiled.set(source, template);
  }
  return template;
}

/** The template source an options object names. */
export function templateSource(options: ChatTemplateOptions): string {
  if (typeof options.chatTemplate === 'string') return options.chatTemplate;
  if (options.tokenizerConfig !== undefined) return chatTemplateOf(options.tokenizerConfig, options.templateName);
  throw new InvalidArgumentError({ argument: 'options', expected: 'a chatTemplate or a tokenizerConfig with a chat_template', received: options });
}

/**
 * Renders a model's Jinja chat template over a conversation, giving the same text as Python
 * transformers' `tokenizer.apply_chat_template(messages, tokenize=False, ...)` (v4.51): Jinja with
 * `trim_blocks` and `lstrip_blocks`, loop controls, `raise_exception`, `strftime_now`, transformers'
 * own `tojson`, and the special tokens as variables. Checked against Python Jinja2 renderings of the
 * Llama 3, Qwen 3 and Gemma 3 templates (`tools/text/make_chat_template_goldens.py`).
 *
 * @example
 * const text = applyChatTemplate([{ role: 'user', content: 'Hi' }], { tokenizerConfig, addGenerationPrompt: true });
 *
 * @throws ChatTemplateError when the template does not parse or refuses the conversation (`raise_exception`)
 * @throws InvalidArgumentError when messages are not `{ role, content }` objects or no template is given
 */
export function applyChatTemplate(messages: readonly ChatMessage[], options: ChatTemplateOptions): string {
  if (!Array.isArray(messages)) throw new InvalidArgumentError({ argument: 'messages', expected: 'an array of { role, content } messages', received: messages });
  messages.forEach((message, i) => {
    if (typeof message !== 'object' || message === null || typeof message.role !== 'string') {
      throw new InvalidArgumentError({ argument: `messages[${i}]`, expected: 'a { role, content } message', received: message });
    }
  });
  const template = compile(templateSource(options));
  const now = options.now ?? new Date();
  const specialTokens = options.specialTokens ?? (options.tokenizerConfig === undefined ? {} : specialTokensOf(options.tokenizerConfig));
  try {
    const variables = {
      ...specialTokens,
      ...options.variables,
      messages,
      tools: options.tools ?? null,
      documents: options.documents ?? null,
      add_generation_prompt: options.addGenerationPrompt ?? false,
    };
    return renderWithGlobals(template, variables, now);
  } catch (cause) {
    throw new ChatTemplateError({ reason: (cause as Error).message, cause });
  }
}
