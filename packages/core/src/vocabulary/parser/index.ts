export { IncrementalParser } from './incremental-parser.js';
export type { Span, Repair, ParserEvent, ParseResult, ParseMode } from './parser-types.js';
