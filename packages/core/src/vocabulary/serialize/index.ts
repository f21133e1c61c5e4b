export type { SerializeResult } from './serialize-blocks.js';
