import type { TokenBlock } from './token-block.js';

/** Options every modality tokenizer call accepts. */
export interface TokenizeCallOptions {
  /** Aborts long work (model loading, large inputs). */
  signal?: AbortSignal;
}

/**
 * Turns one modality's input into a `TokenBlock` and back. Image, audio, video and text packages
 * implement it; `createJointTokenizer` composes them.
 */
export interface ModalityTokenizer<Input = unknown, Output = Input, M extends string = string> {
  readonly modality: M;
  encode(input: Input, options?: TokenizeCallOptions): Promise<TokenBlock<M>> | TokenBlock<M>;
  decode(block: TokenBlock<M>, options?: TokenizeCallOptions): Promise<Output> | Output;
}
