export { RankTable } from './rank-table.js';
export { encodeVocabularyBinary, decodeVocabularyBinary, type FlatVocabulary } from './binary-format.js';
export { parseTiktokenRanks } from './tiktoken-file.js';
