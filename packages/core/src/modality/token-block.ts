/** The modalities of the joint token space. */
export type Modality = 'text' | 'image' | 'video' | 'audio';

/**
 * A run of discrete codes from one modality, before it is placed in the joint id space.
 *
 * `codes` is row-major over `shape`: image `[h, w]`, video `[t, h, w]`, audio `[codebooks, frames]`,
 * text `[n]`. Multi-stream blocks (several codebooks) put the stream axis first.
 */
export interface TokenBlock<M extends string = Modality> {
  readonly modality: M;
  readonly codes: Int32Array;
  readonly shape: readonly number[];
  /** Names of the streams when the block has several codebooks (`['semantic', 'acoustic1', ...]`). */
  readonly streams?: readonly string[];
  /** Free-form metadata the tokenizer needs to decode (sample rate, original size, ...). */
  readonly meta: Readonly<Record<string, unknown>>;
}
