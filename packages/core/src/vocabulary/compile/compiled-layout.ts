import type { LayoutSpec } from '../layout/layout-spec.js';
import type { BodyPlan } from './body-plan.js';
import type { CodeMap } from './code-map.js';
import type { HeadTable } from './head-table.js';

/**
 * A resolution prefix compiled to ids: `parts[k] >= 0` is a literal character token, -1 the h field,
 * -2 the w field. `digitOf` maps a digit token id to its value.
 */
export interface CompiledResolution {
  readonly kind: 'resolution';
  readonly parts: Int32Array;
  readonly digitIds: Int32Array;
  readonly digitOf: ReadonlyMap<number, number>;
}

export type CompiledPrefix = { readonly kind: 'token'; readonly id: number } | CompiledResolution;

/** One space with every token resolved to an id. */
export interface CompiledSpace {
  readonly index: number;
  readonly name: string;
  readonly modality: string;
  readonly begin: Int32Array;
  readonly end: Int32Array;
  readonly prefix: readonly CompiledPrefix[];
  readonly codes: CodeMap;
  readonly body: BodyPlan;
  /**
   * The output head of the space's body ids: 0 for the text (LM) head, `k >= 1` for the head of a
   * `head` space mixed with text (then `spaces[k - 1]` is this space). Standalone layouts use 0.
   */
  readonly head: number;
  /**
   * What internal ids add to the head's own ids (0 unless `head > 0`). A head space's body is
   * compiled onto a private block of internal ids above every real id, so the parse machine reads
   * `(head, id)` pairs as single ids without a second branch on its hot loops.
   */
  readonly idShift: number;
}

/** A layout resolved against vocabulary artifacts. */
export interface CompiledLayout {
  readonly spec: LayoutSpec;
  readonly textSize: number;
  readonly spaces: readonly CompiledSpace[];
  /** First begin-marker id → space index. */
  readonly beginMap: ReadonlyMap<number, number>;
  /** The same ids as a small array, for linear scans on hot paths. */
  readonly beginIds: Int32Array;
  /** A layout with one marker-less space and no text: the whole sequence is one block. */
  readonly standalone: boolean;
  /** Named tokens of the layout, resolved. */
  readonly tokenIds: ReadonlyMap<string, number>;
  /** The heads of a layout that mixes text with head spaces; null for every other layout. */
  readonly heads: HeadTable | null;
}

/** Maximum digits of one resolution field (keeps the value an int32 and the grammar finite). */
export const MAX_RESOLUTION_DIGITS = 6;
