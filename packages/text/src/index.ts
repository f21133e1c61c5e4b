/**
 * @jointok/text — exact byte-level BPE: tiktoken's o200k_base and cl100k_base (shipped, loaded
 * lazily), any `.tiktoken` rank file, special-token policies, offsets and streaming decoding.
 */
export * from './errors/index.js';
export * from './encoding/index.js';
export * from './encodings/index.js';
export { translateRegex } from './pretokenize/index.js';
export { encodeVocabularyBinary, decodeVocabularyBinary, parseTiktokenRanks, type FlatVocabulary } from './vocabulary/index.js';
export * from './tokenizer-json/index.js';
export * from './trainer/index.js';
export * from './convert/index.js';
