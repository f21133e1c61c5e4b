import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { ModalityMismatchError } from '../../errors/modality-mismatch-error.js';
import { validateCodeSpace } from '../../modality/validate-code-space.js';
import type { ModalityTokenizer, TokenizeCallOptions } from '../../modality/modality-tokenizer.js';
import type { TokenBlock } from '../../modality/token-block.js';
import type { JointVocabulary } from '../joint-vocabulary.js';
import type { ParseMode, ParseRepair, BlockSpan } from '../parser/parser-types.js';
import { checkCodeSpace } from './check-code-space.js';
import type { ContentPart } from './content-part.js';

// Tokenizers are used for any input/output type: the joint tokenizer only moves blocks around.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTokenizer = ModalityTokenizer<any, any, string>;

/** A tokenizer option: a ModalityTokenizer, or a value that converts into one. */
export type TokenizerOption = AnyTokenizer | ModalityTokenizerConvertible;

/** What `createJointTokenizer` composes. */
export interface JointTokenizerOptions {
  readonly vocabulary: JointVocabulary;
  /**
   * Text tokenizer: `encode(string)` gives a text block whose codes are text ids; `decode` gives the
   * string back. `@jointok/text`'s encodings and tokenizer.json tokenizers can be passed as they are.
   */
  readonly text?: TokenizerOption;
  readonly image?: TokenizerOption;
  readonly audio?: TokenizerOption;
  readonly video?: TokenizerOption;
  /** Tokenizers by space name, for layouts with several spaces of one modality (AnyGPT speech and music). */
  readonly spaces?: Readonly<Record<string, TokenizerOption>>;
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

/**
 * A value that turns itself into a ModalityTokenizer (`@jointok/text`'s encodings and tokenizer.json
 * tokenizers do), so that `createJointTokenizer({ text: encoding })` needs no adapter call.
 */
export interface ModalityTokenizerConvertible {
  toModalityTokenizer(): AnyTokenizer;
}

/** Resolves and checks one tokenizer option: a ModalityTokenizer of `modality`, or something that converts into one. */
function resolveTokenizer(value: unknown, argument: string, modality: string): AnyTokenizer | undefined {
  if (value === undefined) return undefined;
  let tokenizer = value as Partial<AnyTokenizer> & Partial<ModalityTokenizerConvertible>;
  if (typeof tokenizer === 'object' && tokenizer !== null && tokenizer.modality === undefined && typeof tokenizer.toModalityTokenizer === 'function') {
    tokenizer = tokenizer.toModalityTokenizer() as typeof tokenizer;
  }
  if (typeof tokenizer !== 'object' || tokenizer === null || typeof tokenizer.encode !== 'function' || typeof tokenizer.decode !== 'function' || typeof tokenizer.modality !== 'string')
    throw new InvalidArgumentError({ argument, expected: 'a ModalityTokenizer (modality, codeSpace, encode, decode)', received: value });
  if (tokenizer.modality !== modality) throw new ModalityMismatchError({ expected: modality, received: tokenizer.modality, subject: `${argument} (a ${tokenizer.modality} tokenizer)` });
  try {
    validateCodeSpace(tokenizer.codeSpace, `${argument}.codeSpace`);
  } catch (cause) {
    throw new InvalidArgumentError({ argument: `${argument}.codeSpace`, expected: 'the code space of the tokenizer ({ axes, streams })', received: tokenizer.codeSpace, cause });
  }
  return tokenizer as AnyTokenizer;
}

/**
 * Composes a joint vocabulary with one `ModalityTokenizer` per modality (any objects that satisfy
 * core's contract, or that convert into one with `toModalityTokenizer()`, as `@jointok/text`'s
 * tokenizers do). Each media tokenizer's code space is checked against the layout space it serves
 * before any id is written. `encode` tokenizes each part with its modality's tokenizer and serialises
 * the blocks; `decode` parses the ids and decodes each block with its modality's tokenizer.
 *
 * @throws InvalidArgumentError for an option that is not a tokenizer, or a `spaces` key the layout lacks
 * @throws ModalityMismatchError for a tokenizer of another modality than its option
 * @throws CodeSpaceMismatchError when a tokenizer's codes do not fit its layout space (names both)
 */
export function createJointTokenizer(options: JointTokenizerOptions): JointTokenizer {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError({ argument: 'options', expected: '{ vocabulary, text?, image?, audio?, video?, spaces? }', received: options });
  const { vocabulary } = options;
  if (typeof vocabulary?.serialize !== 'function') throw new InvalidArgumentError({ argument: 'options.vocabulary', expected: 'a JointVocabulary (createJointVocabulary)', received: vocabulary });
  const byModality: Record<string, AnyTokenizer | undefined> = {};
  for (const key of ['text', 'image', 'audio', 'video'] as const) byModality[key] = resolveTokenizer(options[key], `options.${key}`, key);
  const bySpace: Record<string, AnyTokenizer> = {};
  for (const [name, value] of Object.entries(options.spaces ?? {})) {
    const space = vocabulary.layout.spaces.find((s) => s.name === name);
    if (space === undefined) throw new InvalidArgumentError({ argument: `options.spaces.${name}`, expected: `a space of layout "${vocabulary.layout.name}" (${vocabulary.layout.spaces.map((s) => s.name).join(', ')})`, received: name });
    bySpace[name] = resolveTokenizer(value, `options.spaces.${name}`, space.modality)!;
  }
  for (const space of vocabulary.layout.spaces) {
    const own = bySpace[space.name];
    const tokenizer = own ?? byModality[space.modality];
    if (tokenizer !== undefined) checkCodeSpace(tokenizer.codeSpace, space, own !== undefined ? `options.spaces.${space.name}` : `options.${space.modality}`);
  }

  const tokenizerFor = (modality: string, space: string | undefined, argument: string): AnyTokenizer => {
    const tokenizer = (space === undefined ? undefined : bySpace[space]) ?? byModality[modality];
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
