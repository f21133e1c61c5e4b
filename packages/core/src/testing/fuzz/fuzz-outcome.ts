/** Why a case is a finding. */
export type FuzzFailureKind =
  /** A thrown value that is not a JointokError (TypeError, RangeError, a string, ...). */
  | 'escaped-error'
  /** A JointokError without a non-empty string `code`, or with an unbounded message. */
  | 'bad-error'
  /** A property of an accepted input failed (`fuzzAssert`). */
  | 'property'
  /** More CPU time than the budget. */
  | 'slow'
  /** An asynchronous case that did not settle within the wall-time budget. */
  | 'hang'
  /** A single allocation over the budget was requested. */
  | 'allocation'
  /** The resident high-water mark rose more than the budget during the case. */
  | 'peak-memory';

/** Measurements of one case. */
export interface FuzzCaseMeasures {
  readonly cpuMilliseconds: number;
  readonly wallMilliseconds: number;
  /** Largest single ArrayBuffer-backed allocation requested, in bytes. */
  readonly largestAllocation: number;
  /** Rise of the resident high-water mark above the resident size at the start, when it rose; else 0. */
  readonly peakGrowth: number;
}

/** What happened to one input. */
export type FuzzCaseOutcome = FuzzCaseMeasures &
  (
    | { readonly kind: 'accepted' }
    | { readonly kind: 'rejected'; readonly code: string }
    | { readonly kind: 'failed'; readonly failure: FuzzFailureKind; readonly detail: string }
  );
