export { IncrementalParser } from './incremental-parser.js';
export type { BlockSpan, ParseRepair, ParserEvent, ParseResult, ParseMode } from './parser-types.js';
