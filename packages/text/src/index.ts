/**
 * @jointok/text — exact BPE: tiktoken's o200k_base and cl100k_base (shipped, loaded lazily), any
 * `.tiktoken` rank file, Hugging Face `tokenizer.json` BPE models (byte-level and byte-fallback),
 * special-token policies, offsets, streaming encode/decode, a BPE trainer (text and integer codes),
 * lossless tiktoken → tokenizer.json conversion, the `ModalityTokenizer` adapter for joint vocabularies, and
 * chat templates (transformers-exact rendering, multimodal conversations into joint ids). Worker-pool batches
 * live in `@jointok/text/batch`.
 */
export * from './errors/index.js';
export * from './encoding/index.js';
export * from './encodings/index.js';
export { translateRegex } from './pretokenize/index.js';
export { encodeVocabularyBinary, decodeVocabularyBinary, parseTiktokenRanks, type FlatVocabulary } from './vocabulary/index.js';
export * from './tokenizer-json/index.js';
export * from './trainer/index.js';
export * from './convert/index.js';
export * from './modality/index.js';
export * from './chat/index.js';
export * from './joint/index.js';
