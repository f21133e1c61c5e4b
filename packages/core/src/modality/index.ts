export type { Modality, TokenBlock } from './token-block.js';
export type { ModalityTokenizer, TokenizeCallOptions } from './modality-tokenizer.js';
