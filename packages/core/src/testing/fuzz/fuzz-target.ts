import type { Arbitrary } from 'fast-check';

/** Limits every case of a fuzz target must stay within. */
export interface FuzzBudget {
  /**
   * CPU time of one case (user + system, all threads of the process), in milliseconds. CPU time rather
   * than wall time, so that a loaded machine does not turn a fast case into a failure.
   */
  readonly cpuMilliseconds: number;
  /** Wall time after which an asynchronous case counts as hung. */
  readonly wallMilliseconds: number;
  /** The largest single ArrayBuffer-backed allocation a case may request (see `installAllocationGuard`). */
  readonly allocationBytes: number;
  /** How far one case may push the process's resident high-water mark above where the case began. */
  readonly peakBytes: number;
  /** How much the live heap plus external memory may grow over a run, measured after full collections. */
  readonly retainedBytes: number;
  /** The longest `message` a thrown JointokError may have. */
  readonly messageLength: number;
}

/** The default budget: a second of CPU per case, 64 MiB per allocation, 256 MiB of peak growth. */
export const defaultFuzzBudget: FuzzBudget = {
  cpuMilliseconds: 1000,
  wallMilliseconds: 10_000,
  allocationBytes: 64 * 1024 * 1024,
  peakBytes: 256 * 1024 * 1024,
  retainedBytes: 64 * 1024 * 1024,
  messageLength: 2000,
};

/**
 * One input format under fuzzing: how to generate inputs (valid ones and hostile ones) and what to do
 * with each. `run` feeds the input to the code under test; it returns normally when the input was
 * accepted (after checking any round trip, with `fuzzAssert`), and lets the JointokError of a rejected
 * input propagate. Anything else it throws is a finding.
 */
export interface FuzzTarget<Input = unknown> {
  /** `package/format`, e.g. `core/manifest`. */
  readonly name: string;
  /** One line: what is fed to what. */
  readonly description: string;
  /** Generates inputs; must be deterministic for a seed. */
  readonly input: Arbitrary<Input>;
  /** Runs one case. */
  run(input: Input): void | Promise<void>;
  /** Overrides of {@link defaultFuzzBudget} for this target. */
  readonly budget?: Partial<FuzzBudget>;
}

/** A target with its input type erased, for lists of targets. */
export type AnyFuzzTarget = FuzzTarget<unknown>;

/** Identity helper that infers the input type of a target. */
export function defineFuzzTarget<Input>(target: FuzzTarget<Input>): FuzzTarget<Input> {
  return target;
}
