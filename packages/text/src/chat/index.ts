// Chat templates: transformers-exact rendering, and multimodal conversations into joint ids.
export type { ChatMessage } from './chat-message.js';
export type { TokenizerConfig } from './tokenizer-config.js';
export { applyChatTemplate, type ChatTemplateOptions } from './render-chat-template.js';
export { encodeChat, type EncodeChatOptions } from './encode-chat.js';
