export { RankTable, hashBytes } from './rank-table.js';
export { PieceCache } from './piece-cache.js';
export { IdBuffer } from './id-buffer.js';
export { encodeVocabularyBinary, decodeVocabularyBinary, type FlatVocabulary } from './binary-format.js';
export { parseTiktokenRanks } from './tiktoken-file.js';
