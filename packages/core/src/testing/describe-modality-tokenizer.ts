import { describe, expect, it } from 'vitest';
import { DisposedError } from '../errors/disposed-error.js';
import type { ModalityTokenizer } from '../modality/modality-tokenizer.js';
import { checkTokenBlock } from '../modality/token-block-codes.js';
import { validateCodeSpace } from '../modality/validate-code-space.js';

/** Settings of {@link describeModalityTokenizer}. */
export interface ModalityTokenizerConformanceOptions<Input, Output> {
  /** Builds a fresh tokenizer; the suite disposes every one it creates. */
  create: () => ModalityTokenizer<Input, Output> | Promise<ModalityTokenizer<Input, Output>>;
  /** Inputs the tokenizer must accept. */
  inputs: () => readonly Input[];
  /** Decoding and re-encoding gives the same codes (true for most image/audio tokenizers at their own resolution). */
  reencodeStable?: boolean;
}

/**
 * The conformance suite of the ModalityTokenizer contract, for image, audio, video and text
 * tokenizers: a valid code space; blocks that name the tokenizer's modality and fit its code space
 * (Int32Array codes, one size per axis, every code inside its stream's codebook); deterministic
 * encoding; decode accepts what encode produced; `dispose()` is idempotent, aliased by
 * `Symbol.asyncDispose`, and later calls throw `DisposedError`.
 */
export function describeModalityTokenizer<Input, Output>(name: string, options: ModalityTokenizerConformanceOptions<Input, Output>): void {
  const { create, inputs, reencodeStable = false } = options;
  const withTokenizer = async (use: (tokenizer: ModalityTokenizer<Input, Output>) => Promise<void>) => {
    const tokenizer = await create();
    try {
      await use(tokenizer);
    } finally {
      await tokenizer.dispose();
    }
  };

  describe(`${name}: ModalityTokenizer conformance`, () => {
    it('describes a valid code space and returns blocks that fit it', () =>
      withTokenizer(async (tokenizer) => {
        expect(validateCodeSpace(tokenizer.codeSpace)).toBe(tokenizer.codeSpace);
        for (const input of inputs()) {
          const block = await tokenizer.encode(input);
          expect(block.modality).toBe(tokenizer.modality);
          expect(() => checkTokenBlock(block, tokenizer.codeSpace)).not.toThrow();
          if (block.streams !== undefined) expect(block.streams).toEqual(tokenizer.codeSpace.streams.map((s) => s.name));
        }
      }));

    it('encodes deterministically', () =>
      withTokenizer(async (tokenizer) => {
        for (const input of inputs()) {
          const a = await tokenizer.encode(input);
          const b = await tokenizer.encode(input);
          expect(Array.from(b.codes)).toEqual(Array.from(a.codes));
          expect(b.shape).toEqual(a.shape);
        }
      }));

    it('decodes what it encodes', () =>
      withTokenizer(async (tokenizer) => {
        for (const input of inputs()) {
          const block = await tokenizer.encode(input);
          const output = await tokenizer.decode(block);
          expect(output).toBeDefined();
          if (reencodeStable) {
            const again = await tokenizer.encode(output as unknown as Input);
            expect(Array.from(again.codes)).toEqual(Array.from(block.codes));
          }
        }
      }));

    it('disposes once, through dispose() and Symbol.asyncDispose, and refuses later calls', async () => {
      const tokenizer = await create();
      const [input] = inputs();
      await tokenizer.dispose();
      await tokenizer.dispose();
      await tokenizer[Symbol.asyncDispose]();
      if (input !== undefined) {
        const late = (async () => tokenizer.encode(input))();
        await expect(late).rejects.toSatisfy((e: unknown) => DisposedError.isInstance(e));
      }
    });
  });
}
