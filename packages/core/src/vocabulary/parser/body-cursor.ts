import type { CompiledSpace } from '../compile/compiled-layout.js';
import type { GrowBuffer } from './grow-buffer.js';
import type { LaneCandidates } from './lane-candidates.js';
import type { ParserEvent } from './parser-types.js';

/**
 * The part of the parse machine that the body readers (`body-readers.ts`) work on: the state of
 * the block being read, which they advance in place, and the two transitions they may take.
 * `ParseMachine` implements it; the readers depend on this interface, not on the machine, so the
 * machine can call them without an import cycle.
 */
export interface BodyCursor {
  /** The space of the open block (never null while a body is read). */
  readonly space: CompiledSpace | null;
  /** True when the whole remaining input is given at once (batch parse). */
  readonly final: boolean;
  /** Events of the incremental parser; null in batch mode. */
  readonly events: ParserEvent[] | null;
  /** Codes read so far in the block. */
  readonly codes: GrowBuffer;
  /** Lane bodies: the frame counts still consistent with the ids read. */
  readonly candidates: LaneCandidates;
  /** Program bodies: the unit's code and marker operations. */
  readonly ops: Int32Array;
  /** Absolute position of the next id. */
  pos: number;
  /** Units in the body (-1: variable, up to the end marker). */
  readonly unitCount: number;
  /** Units read so far. */
  unit: number;
  /** Position inside the unit's `ops`. */
  opIndex: number;
  /** Lane bodies: steps read so far. */
  step: number;
  /** Lane bodies: lane of the next id within the step. */
  lane: number;
  /** Leaves the body: to the end markers, or closes the block when there are none. */
  endBody(): void;
  /** Handles an id the body does not allow; true when the id was consumed (see `ParseMachine.unexpected`). */
  unexpected(id: number): boolean;
}
