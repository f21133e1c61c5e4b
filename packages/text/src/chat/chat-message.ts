import type { ContentPart } from '@jointok/core';

/**
 * One message of a conversation, as chat templates and chat APIs take it: a `role` and either a string
 * or a list of content parts (`{ type: 'text', text }`, `{ type: 'image', image }`, `{ type: 'audio', audio }`,
 * ...). Other fields (`tool_calls`, `reasoning_content`, ...) reach the template as they are.
 */
export interface ChatMessage {
  readonly role: string;
  readonly content: string | readonly ContentPart[];
  readonly [field: string]: unknown;
}
