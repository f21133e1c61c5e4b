/**
 * A multi-codebook pattern in the style of audiocraft's `CodebooksPatternProvider`: the block is a
 * `[codebooks, frames]` matrix laid out as steps of `lanes` parallel values; at step `s`, lane `q`
 * holds frame `frameAt(T, s, q)` of codebook q, or the special token when that is -1.
 *
 * Every pattern here is causal: for `T > s` the value class at step `s` does not depend on T, which
 * lets the streaming parser track the frame counts still possible with a short list.
 */
export interface LanePattern {
  readonly lanes: number;
  /** Total steps for T frames (strictly increasing in T). */
  steps(frames: number): number;
  /** Frame index at (step, lane) for T frames, or -1 for the special token. */
  frameAt(frames: number, step: number, lane: number): number;
  /** The T with `steps(T) === steps`, or -1. */
  framesForSteps(steps: number): number;
  /** First step of lane `lane`'s frames for T frames: lane q holds frame `s - start` for s in [start, start + T). */
  laneStart(frames: number, lane: number): number;
}

/** audiocraft `DelayedPatternProvider`: one empty step (+ `emptyInitial`), then codebook q delayed by `delays[q]`. */
export function delayPattern(delays: readonly number[], emptyInitial: number): LanePattern {
  const initial = 1 + emptyInitial;
  const maxDelay = Math.max(...delays);
  return {
    lanes: delays.length,
    steps: (frames) => initial + frames + maxDelay,
    frameAt(frames, step, lane) {
      const t = step - initial - (delays[lane] as number);
      return t >= 0 && t < frames ? t : -1;
    },
    framesForSteps: (steps) => (steps - initial - maxDelay >= 0 ? steps - initial - maxDelay : -1),
    laneStart: (_frames, lane) => initial + (delays[lane] as number),
  };
}

/** audiocraft `CoarseFirstPattern`: one empty step, codebook 0 alone for T steps, then codebooks 1.. with `delays`. */
export function coarseFirstPattern(lanes: number, delays: readonly number[]): LanePattern {
  const maxDelay = Math.max(0, ...delays);
  return {
    lanes,
    steps: (frames) => 1 + 2 * frames + maxDelay,
    frameAt(frames, step, lane) {
      if (lane === 0) return step >= 1 && step <= frames ? step - 1 : -1;
      const t = step - 1 - frames - (delays[lane - 1] as number);
      return step > frames && t >= 0 && t < frames ? t : -1;
    },
    framesForSteps(steps) {
      const twice = steps - 1 - maxDelay;
      return twice >= 0 && twice % 2 === 0 ? twice / 2 : -1;
    },
    laneStart: (frames, lane) => (lane === 0 ? 1 : 1 + frames + (delays[lane - 1] as number)),
  };
}
