import { checkTokenBlock, createModalityTokenizer, InvalidArgumentError, type CodeSpace, type ModalityTokenizer } from '@jointok/core';
import type { TextTokenizer } from './text-tokenizer.js';

/** Options of {@link textModalityTokenizer}. */
export interface TextModalityOptions<EncodeOptions = unknown> {
  /**
   * Options of every `encode` call. Defaults: tiktoken encodings keep their safe policy (a special-token
   * literal in text throws); tokenizer.json tokenizers add no BOS/EOS template (`addSpecialTokens: false`),
   * because a text part is a piece of a joint sequence, whose markers the layout writes.
   */
  encodeOptions?: EncodeOptions;
}

/**
 * A text tokenizer as core's `ModalityTokenizer<'text'>`: `encode(text)` gives a `[n]` block of ids,
 * `decode(block)` the text back. Its code space is one stream of `vocabularySize` ids. Holds nothing, so
 * `dispose()` only marks it closed.
 *
 * @example
 * const joint = createJointTokenizer({ vocabulary, text: textModalityTokenizer(await getEncoding('o200k_base')) });
 */
export function textModalityTokenizer<EncodeOptions>(tokenizer: TextTokenizer<EncodeOptions>, options: TextModalityOptions<EncodeOptions> = {}): ModalityTokenizer<string, string, 'text'> {
  const codeSpace: CodeSpace = { axes: ['tokens'], streams: [{ name: 'text', codebookSize: tokenizer.vocabularySize }] };
  const { encodeOptions } = options;
  return createModalityTokenizer<string, string, 'text'>({
    modality: 'text',
    codeSpace,
    encode(text) {
      if (typeof text !== 'string') throw new InvalidArgumentError({ argument: 'text', expected: 'a string', received: text });
      const ids = Int32Array.from(tokenizer.encode(text, encodeOptions));
      return { modality: 'text', codes: ids, shape: [ids.length], meta: {} };
    },
    decode(block) {
      checkTokenBlock(block, codeSpace);
      return tokenizer.decode(block.codes);
    },
  });
}
