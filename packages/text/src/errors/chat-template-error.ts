import { JointokError, type JointokErrorOptions } from '@jointok/core';

const symbol = Symbol.for('jointok.error.chat-template');

/**
 * A chat template could not be rendered: it does not parse, it called `raise_exception` (the template
 * refusing the conversation, e.g. "Conversation roles must alternate"), or it dropped or repeated a media
 * part. `reason` is the template's or the parser's message.
 */
export class ChatTemplateError extends JointokError {
  private readonly [symbol] = true;
  readonly reason: string;

  constructor(options: { reason: string } & JointokErrorOptions) {
    super('chat-template', `Chat template failed: ${options.reason}`, options);
    this.name = 'ChatTemplateError';
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is ChatTemplateError {
    return JointokError.hasMarker(error, symbol);
  }
}
