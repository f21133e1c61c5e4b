import { InvalidArgumentError, UnsupportedError, type ModalityTokenizer } from '@jointok/core';
import { textModalityTokenizer, type TextModalityOptions } from '../modality/text-modality-tokenizer.js';
import type { TextTokenizer } from '../modality/text-tokenizer.js';
import { UnknownTokenIdError } from '../errors/index.js';
import { IdBuffer } from '../vocabulary/index.js';
import { AddedTokenSplitter, type AddedToken } from './added-tokens.js';
import type { BpeModel } from './bpe-model.js';
import type { AlignedNormalizer } from './aligned-normalizers.js';
import { HfDecodeStream } from './hf-decode-stream.js';
import { encodeWithOffsets } from './hf-offsets.js';
import type { Encoding, TokenOffsets } from '../encoding/index.js';
import type { Decoder } from './decoders.js';
import type { Normalizer } from './normalizers.js';
import type { PostProcessor } from './post-processors.js';
import type { PreTokenizerChain } from './pre-tokenizers.js';
import type { UnitReplacement } from './unit-replacement.js';

/** Options of {@link HfTokenizer.encode}. */
export interface HfEncodeOptions {
  /** Apply the post-processor (BOS/EOS template); default true, as in Hugging Face. */
  addSpecialTokens?: boolean;
}

/** Options of {@link HfTokenizer.decode}. */
export interface HfDecodeOptions {
  /** Drop special added tokens; default false. */
  skipSpecialTokens?: boolean;
}

/** The stages of a Hugging Face tokenizer, as built from tokenizer.json. */
export interface HfTokenizerStages {
  normalizer: Normalizer | null;
  preTokenizer: PreTokenizerChain;
  model: BpeModel;
  /** The tiktoken engine that encodes each stretch of normalized text (pre-tokenizer + BPE), or null. */
  engine?: Encoding | null;
  /**
   * The one unit the normalizer replaces, when that is all the stages between the raw added tokens and the
   * model do (Gemma): encoding then reads the raw text, or null.
   */
  unitReplacement?: UnitReplacement | null;
  addedTokens: AddedToken[];
  postProcessor: PostProcessor | null;
  decoder: Decoder | null;
  /** The normalizer's twin that tracks original spans (for offsets). */
  alignedNormalizer?: AlignedNormalizer | null;
  /** Why offsets cannot be given (e.g. a post-processor that trims them), or null. */
  offsetsUnsupported?: string | null;
}

/**
 * A Hugging Face `tokenizer.json` BPE tokenizer (byte-level: GPT-2, Llama 3, Qwen, GPT-4o; byte-fallback:
 * Llama 2, Mistral, Gemma): added tokens → normalizer → pre-tokenizer → BPE → post-processor, and the
 * decoder chain back. Built by `fromTokenizerJson`.
 */
export class HfTokenizer implements TextTokenizer<HfEncodeOptions> {
  private readonly stages: HfTokenizerStages;
  /** Added tokens matched on the raw input (`normalized: false`). */
  private readonly rawSplitter: AddedTokenSplitter;
  /** Added tokens matched on the normalized text (`normalized: true`), by their normalized content. */
  private readonly normalizedSplitter: AddedTokenSplitter;
  private readonly added = new Map<number, AddedToken>();
  /** One past the largest id of the vocabulary and the added tokens. */
  readonly vocabularySize: number;
  private readonly buffer = new IdBuffer();
  /** {@link HfTokenizerStages.unitReplacement} once its replacement is known to be a token (undefined: not checked yet). */
  private rawPath: UnitReplacement | null | undefined;

  constructor(stages: HfTokenizerStages) {
    this.stages = stages;
    const normalize = stages.normalizer ?? ((text: string): string => text);
    this.rawSplitter = new AddedTokenSplitter(stages.addedTokens.filter((t) => !t.normalized));
    this.normalizedSplitter = new AddedTokenSplitter(
      stages.addedTokens.filter((t) => t.normalized),
      (t) => normalize(t.content),
    );
    for (const token of stages.addedTokens) this.added.set(token.id, token);
    let largest = -1;
    for (let id = stages.model.tokenSlots - 1; id >= 0 && largest < 0; id--) if (stages.model.tokenAt(id) !== undefined) largest = id;
    for (const id of this.added.keys()) if (id > largest) largest = id;
    this.vocabularySize = largest + 1;
  }

  /**
   * Whether encoding runs on the tiktoken engine (a byte-level model whose pre-tokenizer is one split
   * regex plus the byte mapping, with merges in id order): same ids, several times faster.
   */
  get usesTiktokenEngine(): boolean {
    return (this.stages.engine ?? null) !== null;
  }

  /** Encodes text to ids, added tokens included, with the post-processor unless `addSpecialTokens: false`. */
  encode(text: string, options: HfEncodeOptions = {}): number[] {
    if (typeof text !== 'string') throw new InvalidArgumentError({ argument: 'text', expected: 'a string', received: text });
    const { normalizer, preTokenizer, model, postProcessor } = this.stages;
    const engine = this.stages.engine ?? null;
    // Ids gathered in a typed buffer and copied out once: pushing each onto a growing array cost more
    // than the BPE that found them. A text the engine encodes whole is its array, not copied.
    const buffer = this.buffer;
    buffer.reset();
    let whole: number[] | null = null;
    // Lone surrogates reach Hugging Face (Rust) as U+FFFD; make them so here too.
    const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
    const rawPath = this.rawPath === undefined ? this.checkRawPath() : this.rawPath;
    if (rawPath !== null) {
      this.encodeRawInto(wellFormed, rawPath, buffer);
      const ids = buffer.toArray();
      return options.addSpecialTokens !== false && postProcessor !== null ? postProcessor(ids) : ids;
    }
    let first = true;
    // Hugging Face's order: raw-matched added tokens split the input; each stretch between them is
    // normalized, and normalized-matched added tokens split the normalized stretch.
    const segments = this.rawSplitter.split(wellFormed);
    for (const segment of segments) {
      if ('id' in segment) {
        buffer.push(segment.id);
        first = false;
        continue;
      }
      const normalized = normalizer === null ? segment.text : normalizer(segment.text);
      const parts = this.normalizedSplitter.split(normalized);
      for (const part of parts) {
        if ('id' in part) buffer.push(part.id);
        else if (engine !== null) {
          const got = engine.encodeOrdinary(part.text);
          if (segments.length === 1 && parts.length === 1) whole = got;
          else {
            buffer.reserve(got.length);
            for (let i = 0; i < got.length; i++) buffer.data[buffer.length++] = got[i] as number;
          }
        } else for (const piece of preTokenizer.split(part.text, first)) model.encodeWordInto(piece, buffer);
        first = false;
      }
    }
    const ids = whole ?? buffer.toArray();
    return options.addSpecialTokens !== false && postProcessor !== null ? postProcessor(ids) : ids;
  }

  /**
   * The SentencePiece-shaped encode ({@link HfTokenizerStages.unitReplacement}): the raw-matched added tokens
   * found in place, and each stretch between them handed to the model as it stands, the replaced unit read as
   * its replacement — no normalized copy, no segment objects, no pre-tokenizer pieces.
   */
  private encodeRawInto(text: string, { replaced, replacement }: UnitReplacement, out: IdBuffer): void {
    const splitter = this.rawSplitter;
    const model = this.stages.model;
    let last = 0;
    for (let start = splitter.find(text, 0, 0); start >= 0; start = splitter.find(text, last, last)) {
      model.encodeReplacedInto(text, last, start, replaced, replacement, out);
      out.push(splitter.matchId);
      last = splitter.matchEnd;
    }
    model.encodeReplacedInto(text, last, text.length, replaced, replacement, out);
  }

  /** Settles {@link rawPath}: the stages' unit replacement, if its replacement is a single-character token. */
  private checkRawPath(): UnitReplacement | null {
    const form = this.stages.unitReplacement ?? null;
    this.rawPath = form !== null && this.stages.model.charIds.get(form.replacement) >= 0 ? form : null;
    return this.rawPath;
  }

  /**
   * Encodes and gives each token's span in `text`, as Hugging Face's `offsets` (which count code
   * points; these count UTF-16 units, and UTF-8 bytes). Offsets refer to the original text through
   * normalizers that change its length; a token with part of a character's bytes covers that whole
   * character; post-processor tokens cover `[0, 0)`.
   */
  encodeWithOffsets(text: string, options: HfEncodeOptions = {}): TokenOffsets {
    if (typeof text !== 'string') throw new InvalidArgumentError({ argument: 'text', expected: 'a string', received: text });
    const { offsetsUnsupported } = this.stages;
    if (offsetsUnsupported) throw new UnsupportedError({ feature: `offsets with ${offsetsUnsupported}`, supported: ['trim_offsets: false'] });
    return encodeWithOffsets(
      { ...this.stages, alignedNormalizer: this.stages.alignedNormalizer ?? null, rawSplitter: this.rawSplitter, normalizedSplitter: this.normalizedSplitter },
      text,
      options.addSpecialTokens !== false,
    );
  }

  /** Encodes without the post-processor's special tokens. */
  encodeOrdinary(text: string): number[] {
    return this.encode(text, { addSpecialTokens: false });
  }

  /** Number of ids `encode(text, options)` yields. */
  countTokens(text: string, options: HfEncodeOptions = {}): number {
    return this.encode(text, options).length;
  }

  /** A streaming decoder: `write(id)` returns newly completed text; the pieces concatenate to `decode(ids)`. */
  createDecodeStream(options: HfDecodeOptions = {}): HfDecodeStream {
    return new HfDecodeStream((ids) => this.decode(ids, options));
  }

  /** Token string of an id (vocabulary or added token), or undefined. */
  idToToken(id: number): string | undefined {
    return this.added.get(id)?.content ?? this.stages.model.tokenAt(id);
  }

  /** Id of a token string, or undefined. */
  tokenToId(token: string): number | undefined {
    for (const added of this.added.values()) if (added.content === token) return added.id;
    return this.stages.model.vocab.get(token);
  }

  /**
   * This tokenizer as core's `ModalityTokenizer<'text'>` (for `createJointTokenizer`, which also takes the
   * tokenizer itself). Text parts get no BOS/EOS template unless `encodeOptions.addSpecialTokens` is true.
   */
  toModalityTokenizer(options: TextModalityOptions<HfEncodeOptions> = {}): ModalityTokenizer<string, string, 'text'> {
    return textModalityTokenizer(this, { encodeOptions: { addSpecialTokens: false, ...options.encodeOptions } });
  }

  /** Decodes ids through the decoder chain. Unknown ids throw `UnknownTokenIdError`. */
  decode(ids: ArrayLike<number>, options: HfDecodeOptions = {}): string {
    const tokens: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      const added = this.added.get(id);
      if (added !== undefined && added.special && options.skipSpecialTokens) continue;
      const token = added?.content ?? (Number.isInteger(id) ? this.stages.model.tokenAt(id) : undefined);
      if (token === undefined) throw new UnknownTokenIdError({ id, position: i, vocabularySize: this.stages.model.tokenCount + this.added.size });
      tokens.push(token);
    }
    return this.stages.decoder === null ? tokens.join('') : this.stages.decoder(tokens).join('');
  }
}
