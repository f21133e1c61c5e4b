export { fromTokenizerJson } from './from-tokenizer-json.js';
export { compileTokenizerJson, fromCompiledTokenizer } from './compiled-tokenizer.js';
export { HfTokenizer, type HfEncodeOptions, type HfDecodeOptions } from './hf-tokenizer.js';
export { HfDecodeStream } from './hf-decode-stream.js';
export { BYTE_TO_CHAR, byteLevelToBytes } from './byte-level-alphabet.js';
