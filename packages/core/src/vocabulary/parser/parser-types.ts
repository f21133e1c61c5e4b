import type { TokenBlock } from '../../modality/token-block.js';

/**
 * Where one segment sits in an id sequence. `start`/`end` cover the whole segment including markers
 * and prefix; `contentStart`/`contentEnd` cover the body (codes and separators). Attention masks
 * (bidirectional image blocks, per-modality losses) are built from these.
 */
export interface BlockSpan {
  readonly start: number;
  readonly end: number;
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly modality: string;
  /** Space name; null for text. */
  readonly space: string | null;
  readonly shape: readonly number[];
}

/** What lenient parsing changed, so nothing is lost silently. */
export interface ParseRepair {
  /**
   * `dropped-unknown-id`: an id outside every space was skipped.
   * `closed-partial-block`: a block was cut short (truncated, wrong length, unexpected id); its complete
   * units were kept, the partial unit dropped.
   * `dropped-partial-block`: a block broke before its codes could be read (markers, prefix, lane
   * patterns); all its ids were dropped.
   */
  readonly kind: 'dropped-unknown-id' | 'closed-partial-block' | 'dropped-partial-block';
  /** Position of the id that caused the repair (the sequence length when the ids ran out). */
  readonly position: number;
  readonly space: string | null;
  /** How many ids of the input are not represented in the result. */
  readonly droppedIds: number;
  readonly detail: string;
}

/** Events of the incremental parser. */
export type ParserEvent =
  | { readonly type: 'segment-start'; readonly modality: string; readonly space: string | null; readonly position: number }
  | {
      readonly type: 'segment-delta';
      readonly modality: string;
      readonly space: string | null;
      readonly position: number;
      readonly id: number;
      /** The code (text: the id itself). */
      readonly code: number;
    }
  | {
      readonly type: 'segment-end';
      readonly modality: string;
      readonly space: string | null;
      /** The finished block; null when lenient parsing dropped a broken block (see `repair`). */
      readonly block: TokenBlock<string> | null;
      readonly span: BlockSpan | null;
      readonly repair: ParseRepair | null;
    }
  | { readonly type: 'repair'; readonly repair: ParseRepair };

/** Result of `parse`. */
export interface ParseResult {
  /** Text and modality blocks in sequence order; text blocks have `modality: 'text'` and ids as codes. */
  readonly blocks: TokenBlock<string>[];
  readonly spans: BlockSpan[];
  /** Empty in strict mode; in lenient mode, everything that was repaired or dropped. */
  readonly repairs: ParseRepair[];
  /** True when `repairs` is not empty. */
  readonly repaired: boolean;
}

/** `strict` throws typed errors; `lenient` repairs and reports. */
export type ParseMode = 'strict' | 'lenient';
