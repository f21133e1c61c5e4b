import type { ModalityTokenizer } from '@jointok/core';
import type { TokenOffsets } from '../encoding/offsets.js';
import type { TextModalityOptions } from './text-modality-tokenizer.js';

/**
 * What every text tokenizer of this package offers: tiktoken encodings (`Encoding`) and Hugging Face
 * tokenizer.json tokenizers (`HfTokenizer`). `EncodeOptions` is each one's own policy (tiktoken's
 * `allowedSpecial`, Hugging Face's `addSpecialTokens`).
 */
export interface TextTokenizer<EncodeOptions = unknown> {
  /** Ids lie in `[0, vocabularySize)`. */
  readonly vocabularySize: number;
  encode(text: string, options?: EncodeOptions): number[];
  /** Encodes without any special-token handling: special literals are plain text. */
  encodeOrdinary(text: string): number[];
  countTokens(text: string, options?: EncodeOptions): number;
  encodeWithOffsets(text: string, options?: EncodeOptions): TokenOffsets;
  decode(ids: ArrayLike<number>): string;
  /**
   * This tokenizer as core's `ModalityTokenizer<'text'>`, for `createJointTokenizer` (which also accepts
   * the tokenizer itself and calls this).
   */
  toModalityTokenizer(options?: TextModalityOptions<EncodeOptions>): ModalityTokenizer<string, string, 'text'>;
}
