export { loadTokenizerJsonFile, type LoadTokenizerJsonFileOptions } from './load-tokenizer-json-file.js';
