export type { TextTokenizer } from './text-tokenizer.js';
export { textModalityTokenizer, type TextModalityOptions } from './text-modality-tokenizer.js';
