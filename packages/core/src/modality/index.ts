export type { Modality, TokenBlock } from './token-block.js';
export { createModalityTokenizer, type ModalityTokenizer, type ModalityTokenizerParts, type TokenizeCallOptions } from './modality-tokenizer.js';
export { MAX_CODEBOOK_SIZE, largestCodebook, isSingleRate, type CodeSpace, type CodeStream } from './code-space.js';
export { validateCodeSpace } from './validate-code-space.js';
export { tokenBlockFromCodes, checkTokenBlock, streamCodes, codesTensorFromBlock, type TokenBlockFromCodesOptions } from './token-block-codes.js';
