export { toTokenizerJson, type ToTokenizerJsonOptions } from './to-tokenizer-json.js';
export { toTiktoken } from './to-tiktoken.js';
export { tokenizerJsonToTiktoken, type TiktokenForm, type TokenizerJsonToTiktokenOptions } from './tokenizer-json-to-tiktoken.js';
