import { describe, expect, it } from 'vitest';
import type { ModalityTokenizer } from '../modality/modality-tokenizer.js';

/** Settings of {@link describeModalityTokenizer}. */
export interface ModalityTokenizerConformanceOptions<Input, Output> {
  create: () => ModalityTokenizer<Input, Output> | Promise<ModalityTokenizer<Input, Output>>;
  /** Inputs the tokenizer must accept. */
  inputs: () => readonly Input[];
  /** Codes lie in `[0, codebookSize)` when given. */
  codebookSize?: number;
  /** Decoding and re-encoding gives the same codes (true for most image/audio tokenizers at their own resolution). */
  reencodeStable?: boolean;
}

/**
 * The conformance suite of the ModalityTokenizer contract, for image, audio, video and text
 * tokenizers: blocks name the tokenizer's modality, `codes` is an Int32Array whose length is the
 * product of `shape`, codes lie in range, encoding is deterministic, and decode accepts what
 * encode produced.
 */
export function describeModalityTokenizer<Input, Output>(name: string, options: ModalityTokenizerConformanceOptions<Input, Output>): void {
  const { create, inputs, codebookSize, reencodeStable = false } = options;

  describe(`${name}: ModalityTokenizer conformance`, () => {
    it('returns well-formed token blocks of its modality', async () => {
      const tokenizer = await create();
      for (const input of inputs()) {
        const block = await tokenizer.encode(input);
        expect(block.modality).toBe(tokenizer.modality);
        expect(block.codes).toBeInstanceOf(Int32Array);
        expect(block.shape.reduce((a, b) => a * b, 1)).toBe(block.codes.length);
        if (codebookSize !== undefined) for (const code of block.codes) expect(code >= 0 && code < codebookSize).toBe(true);
        if (block.streams !== undefined) expect(block.streams.length).toBe(block.shape[0]);
      }
    });

    it('encodes deterministically', async () => {
      const tokenizer = await create();
      for (const input of inputs()) {
        const a = await tokenizer.encode(input);
        const b = await tokenizer.encode(input);
        expect(Array.from(b.codes)).toEqual(Array.from(a.codes));
        expect(b.shape).toEqual(a.shape);
      }
    });

    it('decodes what it encodes', async () => {
      const tokenizer = await create();
      for (const input of inputs()) {
        const block = await tokenizer.encode(input);
        const output = await tokenizer.decode(block);
        expect(output).toBeDefined();
        if (reencodeStable) {
          const again = await tokenizer.encode(output as unknown as Input);
          expect(Array.from(again.codes)).toEqual(Array.from(block.codes));
        }
      }
    });
  });
}
