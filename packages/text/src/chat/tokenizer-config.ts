import { InvalidArgumentError } from '@jointok/core';

/** The fields of a Hugging Face `tokenizer_config.json` that chat templates use. */
export interface TokenizerConfig {
  /** One template, or named templates (`default`, `tool_use`, ...). */
  readonly chat_template?: string | readonly { readonly name: string; readonly template: string }[];
  readonly bos_token?: string | { readonly content: string } | null;
  readonly eos_token?: string | { readonly content: string } | null;
  readonly unk_token?: string | { readonly content: string } | null;
  readonly pad_token?: string | { readonly content: string } | null;
  readonly [field: string]: unknown;
}

const SPECIAL_TOKEN_FIELDS = ['bos_token', 'eos_token', 'unk_token', 'pad_token'] as const;

/** The template to render: `name` (default `default`) when the config has named templates. */
export function chatTemplateOf(config: TokenizerConfig, name?: string): string {
  const templates = config.chat_template;
  if (typeof templates === 'string') return templates;
  if (Array.isArray(templates)) {
    const wanted = name ?? 'default';
    const found = templates.find((t) => t.name === wanted);
    if (found !== undefined && typeof found.template === 'string') return found.template;
    throw new InvalidArgumentError({ argument: 'templateName', expected: `one of the config's templates (${templates.map((t) => t.name).join(', ')})`, received: wanted });
  }
  throw new InvalidArgumentError({ argument: 'tokenizerConfig.chat_template', expected: 'a chat template string or a list of named templates', received: templates });
}

/** `bos_token`, `eos_token`, `unk_token`, `pad_token` as strings, as transformers passes them to templates. */
export function specialTokensOf(config: TokenizerConfig): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const field of SPECIAL_TOKEN_FIELDS) {
    const value = config[field];
    const content = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? value.content : undefined;
    if (typeof content === 'string') tokens[field] = content;
  }
  return tokens;
}
