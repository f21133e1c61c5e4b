import type { LanePattern } from '../compile/lane-pattern.js';

/**
 * The frame counts T a lane block may still have after the values seen so far: an explicit list of
 * small T (each <= the current step) plus every T >= `tailFrom`. Causal patterns make every T above
 * the current step behave alike, so the list stays short (about the largest delay).
 */
export class LaneCandidates {
  list: number[] = [];
  tailFrom = 0;

  reset(): void {
    this.list.length = 0;
    this.tailFrom = 0;
  }

  /** Moves T = step out of the tail so the tail only holds T > step. */
  sync(step: number): void {
    while (this.tailFrom <= step) this.list.push(this.tailFrom++);
  }

  /** Whether some candidate puts a code (`wantCode`) or the special token at (step, lane). */
  allows(pattern: LanePattern, step: number, lane: number, wantCode: boolean): boolean {
    for (const t of this.list) if (pattern.steps(t) > step && pattern.frameAt(t, step, lane) >= 0 === wantCode) return true;
    return Number.isFinite(this.tailFrom) && pattern.frameAt(this.tailFrom, step, lane) >= 0 === wantCode;
  }

  /** Keeps the candidates consistent with the value class seen at (step, lane); false when none is left. */
  observe(pattern: LanePattern, step: number, lane: number, isCode: boolean): boolean {
    let kept = 0;
    for (const t of this.list) if (pattern.steps(t) > step && pattern.frameAt(t, step, lane) >= 0 === isCode) this.list[kept++] = t;
    this.list.length = kept;
    if (Number.isFinite(this.tailFrom) && pattern.frameAt(this.tailFrom, step, lane) >= 0 !== isCode) this.tailFrom = Number.POSITIVE_INFINITY;
    return kept > 0 || Number.isFinite(this.tailFrom);
  }

  /** Whether the block can end after `steps` complete steps; returns its T or -1. */
  endFrames(pattern: LanePattern, steps: number): number {
    const t = pattern.framesForSteps(steps);
    if (t < 0) return -1;
    return this.list.includes(t) || t >= this.tailFrom ? t : -1;
  }
}
