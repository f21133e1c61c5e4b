/// <reference lib="esnext.disposable" />
import { DisposedError } from '../errors/disposed-error.js';
import type { CodeSpace } from './code-space.js';
import type { TokenBlock } from './token-block.js';

/** Options every modality tokenizer call accepts. */
export interface TokenizeCallOptions {
  /** Aborts long work (model loading, large inputs); the call rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Turns one modality's input into a `TokenBlock` and back. Image, audio, video and text packages
 * implement it; `createJointTokenizer` composes them. Build one with {@link createModalityTokenizer},
 * which adds `[Symbol.asyncDispose]` so that `await using tokenizer = ...` releases it.
 */
export interface ModalityTokenizer<Input = unknown, Output = Input, M extends string = string> extends AsyncDisposable {
  readonly modality: M;
  /** The codes this tokenizer's blocks hold (axes, streams, codebook sizes); checked against joint layouts. */
  readonly codeSpace: CodeSpace;
  encode(input: Input, options?: TokenizeCallOptions): Promise<TokenBlock<M>> | TokenBlock<M>;
  decode(block: TokenBlock<M>, options?: TokenizeCallOptions): Promise<Output> | Output;
  /**
   * Releases what the tokenizer holds (ONNX sessions, workers). Idempotent; later `encode`/`decode`
   * calls reject with a `DisposedError`.
   */
  dispose(): Promise<void>;
}

/** What {@link createModalityTokenizer} needs: a tokenizer without the `Symbol.asyncDispose` alias. */
export type ModalityTokenizerParts<Input, Output, M extends string> = Omit<ModalityTokenizer<Input, Output, M>, typeof Symbol.asyncDispose | 'dispose'> & {
  /** Releases held resources; called at most once. Omit when the tokenizer holds nothing. */
  dispose?(): Promise<void> | void;
};

// Runtimes without explicit resource management (older browsers) still get a stable key: the same
// fallback TypeScript's own `using` lowering uses.
const asyncDispose: typeof Symbol.asyncDispose = Symbol.asyncDispose ?? (Symbol.for('Symbol.asyncDispose') as typeof Symbol.asyncDispose);

/**
 * Completes a tokenizer's parts into a {@link ModalityTokenizer}: `dispose()` runs the parts' dispose
 * once (later calls return the same promise), `[Symbol.asyncDispose]` is the same function, and
 * `encode`/`decode` throw a `DisposedError` once disposal has begun.
 *
 * @example
 * const tokenizer = createModalityTokenizer({ modality: 'audio', codeSpace, encode, decode, dispose: () => session.release() });
 * await using tokenizer2 = createModalityTokenizer({ ... }); // released at the end of the scope
 */
export function createModalityTokenizer<Input, Output, M extends string>(parts: ModalityTokenizerParts<Input, Output, M>): ModalityTokenizer<Input, Output, M> {
  let disposing: Promise<void> | undefined;
  const checkOpen = (operation: string) => {
    if (disposing !== undefined) throw new DisposedError({ resource: `${parts.modality} tokenizer`, operation });
  };
  const dispose = (): Promise<void> => (disposing ??= Promise.resolve().then(() => parts.dispose?.()));
  return {
    modality: parts.modality,
    codeSpace: parts.codeSpace,
    encode(input, options) {
      checkOpen('encode');
      return parts.encode(input, options);
    },
    decode(block, options) {
      checkOpen('decode');
      return parts.decode(block, options);
    },
    dispose,
    [asyncDispose]: dispose,
  };
}
