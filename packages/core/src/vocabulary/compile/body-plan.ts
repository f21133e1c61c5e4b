import type { LanePattern } from './lane-pattern.js';

/** Frame-interleaved streams: position p of a unit holds stream `stream[p]`, sub-index `sub[p]`. */
export interface Interleave {
  readonly rates: Int32Array;
  readonly stream: Int32Array;
  readonly sub: Int32Array;
  /** Whether the block shape is `[streams, frames]` (all rates 1) rather than flat `[sum(rates) * frames]`. */
  readonly matrix: boolean;
}

/** The units a block has and the resolution it was written with (h, w are 0 without a resolution prefix). */
export interface BlockExtent {
  readonly units: number;
  readonly h: number;
  readonly w: number;
}

/**
 * A body made of repeated units. A unit is an op program: `op >= 0` is a code cell of slot `op`,
 * `op < 0` is the structure id `-op - 1` (row-end, frame-end). The block has `count` units: fixed,
 * read from the resolution prefix, or variable (until the end marker).
 */
export interface ProgramPlan {
  readonly kind: 'program';
  readonly count: number | 'h' | 'w' | 'variable';
  /** The unit program when it does not depend on the resolution prefix. */
  readonly staticUnit: Int32Array | null;
  /** Builds the unit program for a resolution. */
  unit(h: number, w: number): Int32Array;
  /** The block shape for an extent. */
  shape(extent: BlockExtent): number[];
  /** The extent of a block shape, or a description of the shapes expected. */
  extentOf(shape: readonly number[]): BlockExtent | string;
  /** Serial order → block order mapping; null when the serial order is the block's row-major order. */
  readonly interleave: Interleave | null;
}

/** A body of parallel lanes with a special token (MusicGen patterns). */
export interface LanePlan {
  readonly kind: 'lanes';
  readonly pattern: LanePattern;
  /** Id of the special token (an id of the space's own head for head spaces). */
  readonly special: number;
  shape(extent: BlockExtent): number[];
  extentOf(shape: readonly number[]): BlockExtent | string;
}

export type BodyPlan = ProgramPlan | LanePlan;

/** The number that a count/dimension spec takes for an extent. */
export function resolveDim(dim: number | 'h' | 'w' | 'variable', units: number, h: number, w: number): number {
  return dim === 'h' ? h : dim === 'w' ? w : dim === 'variable' ? units : dim;
}

/** Number of code cells (ops >= 0) in a unit program. */
export function cellsIn(unit: Int32Array): number {
  let cells = 0;
  for (const op of unit) if (op >= 0) cells++;
  return cells;
}
