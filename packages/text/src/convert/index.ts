export { toTokenizerJson, type ToTokenizerJsonOptions } from './to-tokenizer-json.js';
export { toTiktoken } from './to-tiktoken.js';
