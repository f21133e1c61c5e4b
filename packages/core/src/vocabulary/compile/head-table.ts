import { HeadIdOutOfRangeError } from '../errors/head-id-out-of-range-error.js';

/**
 * The output heads of a layout that mixes text with `head` spaces. Head 0 is the text (LM) head;
 * head `k >= 1` is the head of `spaces[k - 1]` (`size[k] = 0` when that space is no head space).
 * Internally, head k's id `x` is the single id `shift[k] + x`, in a private block above every real
 * id of the layout (`firstInternal`), so the parse machine, `allowedNext` and the overlap checks
 * work on one id space unchanged.
 */
export interface HeadTable {
  /** Heads including the text head. */
  readonly count: number;
  /** Internal id of each head's id 0 (`shift[0] = 0`). */
  readonly shift: Int32Array;
  /** Ids each head emits: `[0, size[k])` (head 0: `[0, firstInternal)`). */
  readonly size: Int32Array;
  /** Space index of each head (-1 for head 0; `k - 1` otherwise). */
  readonly space: Int32Array;
  /** Every real id of the layout is below this; the head blocks start here. */
  readonly firstInternal: number;
  /**
   * Why ids without heads cannot be read (an end marker that is also a code of its head, at a point
   * where either may come); null when the parser state always decides the head.
   */
  readonly ambiguity: string | null;
}

/** Internal id → its head (a linear scan: a layout has a handful of spaces). */
export function headOfInternal(table: HeadTable, internal: number): number {
  // Descending, so an empty block (a space that is no head space) never shadows the head after it.
  for (let k = table.count - 1; k > 0; k--) if (internal >= (table.shift[k] as number) && (table.size[k] as number) > 0) return k;
  return 0;
}

/**
 * One `(head, id)` pair → its internal id. Strict mode throws `HeadIdOutOfRangeError` for an id the
 * head cannot emit; lenient mode returns -1 (an id no state accepts, so the parser repairs it). A
 * head the table lacks is the caller's check (it needs the parser state for the message).
 */
export function toInternal(table: HeadTable, id: number, head: number, position: number, strict: boolean): number {
  const size = table.size[head] as number;
  if (id >= 0 && id < size) return (table.shift[head] as number) + id;
  if (strict) throw new HeadIdOutOfRangeError({ position, head, id, size });
  return -1;
}

/** Internal id → the id its head emitted. */
export function realId(table: HeadTable, internal: number): number {
  return internal - (table.shift[headOfInternal(table, internal)] as number);
}
