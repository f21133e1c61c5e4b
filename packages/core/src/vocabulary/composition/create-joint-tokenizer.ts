import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { ModalityTokenizer, TokenizeCallOptions } from '../../modality/modality-tokenizer.js';
import type { TokenBlock } from '../../modality/token-block.js';
import type { JointVocabulary } from '../joint-vocabulary.js';
import type { ParseMode, ParseRepair, BlockSpan } from '../parser/parser-types.js';
import type { ContentPart } from './content-part.js';

// Tokenizers are used for any input/output type: the joint tokenizer only moves blocks around.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTokenizer = ModalityTokenizer<any, any, string>;

/** What `createJointTokenizer` composes. */
export interface JointTokenizerOptions {
  readonly vocabulary: JointVocabulary;
  /** Text tokenizer: `encode(string)` gives a text block whose codes are text ids; `decode` gives the string back. */
  readonly text?: AnyTokenizer;
  readonly image?: AnyTokenizer;
  readonly audio?: AnyTokenizer;
  readonly video?: AnyTokenizer;
  /** Tokenizers by space name, for layouts with several spaces of one modality (AnyGPT speech and music). */
  readonly spaces?: Readonly<Record<string, AnyTokenizer>>;
}

/** Result of `encode`. */
export interface JointEncoding {
  readonly ids: Int32Array;
  readonly spans: BlockSpan[];
  readonly blocks: TokenBlock<string>[];
}

/** Result of `decode`. */
export interface JointDecoding {
  readonly parts: ContentPart[];
  readonly repairs: ParseRepair[];
}

/** Encodes chat-style content parts into joint ids and decodes ids back into parts. */
export interface JointTokenizer {
  readonly vocabulary: JointVocabulary;
  encode(parts: readonly ContentPart[], options?: TokenizeCallOptions): Promise<JointEncoding>;
  decode(ids: Int32Array | readonly number[], options?: TokenizeCallOptions & { mode?: ParseMode }): Promise<JointDecoding>;
}

function checkTokenizer(value: unknown, argument: string): void {
  const tokenizer = value as Partial<AnyTokenizer> | undefined;
  if (value !== undefined && (typeof tokenizer?.encode !== 'function' || typeof tokenizer.decode !== 'function'))
    throw new InvalidArgumentError({ argument, expected: 'a ModalityTokenizer (encode and decode functions)', received: value });
}

/**
 * Composes a joint vocabulary with one `ModalityTokenizer` per modality (any objects that satisfy
 * core's contract). `encode` tokenizes each part with its modality's tokenizer and serialises the
 * blocks; `decode` parses the ids and decodes each block with its modality's tokenizer.
 */
export function createJointTokenizer(options: JointTokenizerOptions): JointTokenizer {
  const { vocabulary } = options;
  if (typeof vocabulary?.serialize !== 'function') throw new InvalidArgumentError({ argument: 'options.vocabulary', expected: 'a JointVocabulary (createJointVocabulary)', received: vocabulary });
  for (const key of ['text', 'image', 'audio', 'video'] as const) checkTokenizer(options[key], `options.${key}`);
  for (const [name, tokenizer] of Object.entries(options.spaces ?? {})) checkTokenizer(tokenizer, `options.spaces.${name}`);

  const byModality: Record<string, AnyTokenizer | undefined> = { text: options.text, image: options.image, audio: options.audio, video: options.video };
  const tokenizerFor = (modality: string, space: string | undefined, argument: string): AnyTokenizer => {
    const tokenizer = (space === undefined ? undefined : options.spaces?.[space]) ?? byModality[modality];
    if (tokenizer === undefined)
      throw new InvalidArgumentError({ argument, expected: `a ${modality} tokenizer (options.${modality}${space === undefined ? '' : ` or options.spaces.${space}`})`, received: undefined });
    return tokenizer;
  };

  return {
    vocabulary,
    async encode(parts, callOptions) {
      if (!Array.isArray(parts)) throw new InvalidArgumentError({ argument: 'parts', expected: 'an array of content parts', received: parts });
      const blocks: TokenBlock<string>[] = [];
      const pushText = (codes: Int32Array) => {
        if (codes.length === 0) return;
        const last = blocks[blocks.length - 1];
        // Adjacent text runs become one text block, as they parse back.
        if (last?.modality === 'text') {
          const joined = new Int32Array(last.codes.length + codes.length);
          joined.set(last.codes);
          joined.set(codes, last.codes.length);
          blocks[blocks.length - 1] = { modality: 'text', codes: joined, shape: [joined.length], meta: {} };
        } else blocks.push({ modality: 'text', codes, shape: [codes.length], meta: {} });
      };
      for (const [i, part] of parts.entries()) {
        const argument = `parts[${i}]`;
        if (typeof part !== 'object' || part === null || typeof part.type !== 'string')
          throw new InvalidArgumentError({ argument, expected: "a content part { type: 'text' | 'image' | 'audio' | 'video' | 'token', ... }", received: part });
        if (part.type === 'token') {
          pushText(Int32Array.of(vocabulary.tokenId(String((part as { name: unknown }).name))));
          continue;
        }
        const input = (part as Record<string, unknown>)[part.type];
        if (input === undefined) throw new InvalidArgumentError({ argument: `${argument}.${part.type}`, expected: `the ${part.type} input of a '${part.type}' part`, received: undefined });
        const space = part.type === 'text' ? undefined : part.space;
        const block = await tokenizerFor(part.type, space, argument).encode(input, callOptions);
        if (part.type === 'text') pushText(block.codes);
        else blocks.push(space === undefined ? block : { ...block, meta: { ...block.meta, space } });
      }
      const { ids, spans } = vocabulary.serialize(blocks);
      return { ids, spans, blocks };
    },
    async decode(ids, callOptions = {}) {
      const parsed = vocabulary.parse(ids, { mode: callOptions.mode ?? 'strict' });
      const parts: ContentPart[] = [];
      for (const [i, block] of parsed.blocks.entries()) {
        const space = typeof block.meta.space === 'string' ? block.meta.space : undefined;
        const output: unknown = await tokenizerFor(block.modality, space, `blocks[${i}]`).decode(block, callOptions);
        if (block.modality === 'text') parts.push({ type: 'text', text: String(output) });
        else parts.push({ type: block.modality, [block.modality]: output, ...(space === undefined ? {} : { space }) });
      }
      return { parts, repairs: parsed.repairs };
    },
  };
}
