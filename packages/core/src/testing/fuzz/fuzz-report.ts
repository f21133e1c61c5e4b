import type { FuzzCaseOutcome, FuzzFailureKind } from './fuzz-outcome.js';

/** One finding: the input (as `encodeFuzzValue` text) and why it failed. */
export interface FuzzFinding {
  readonly target: string;
  readonly failure: FuzzFailureKind | 'retained-memory';
  readonly detail: string;
  /** The input, encoded with `encodeFuzzValue`; absent for run-level findings (retained memory). */
  readonly input?: string;
  /** Where the input came from: `seed 7, chunk 12, case 40` (long runs) or `seed 7, shrunk` (short runs). */
  readonly origin: string;
}

/** Counts and findings of a fuzz run. */
export interface FuzzReport {
  readonly target: string;
  /** Cases run (shrinking steps not counted). */
  cases: number;
  accepted: number;
  rejected: number;
  failed: number;
  /** Rejections per JointokError `code`. */
  readonly codes: Record<string, number>;
  slowestCpuMilliseconds: number;
  largestAllocation: number;
  largestPeakGrowth: number;
  /** Growth of live memory over the run after full collections, when measurable. */
  retainedGrowth: number | undefined;
  readonly findings: FuzzFinding[];
}

/** An empty report for a target. */
export function emptyFuzzReport(target: string): FuzzReport {
  return { target, cases: 0, accepted: 0, rejected: 0, failed: 0, codes: {}, slowestCpuMilliseconds: 0, largestAllocation: 0, largestPeakGrowth: 0, retainedGrowth: undefined, findings: [] };
}

/** Adds one case's outcome to the counts (findings are added by the caller, with the input). */
export function countOutcome(report: FuzzReport, outcome: FuzzCaseOutcome): void {
  report.cases++;
  if (outcome.kind === 'accepted') report.accepted++;
  else if (outcome.kind === 'rejected') {
    report.rejected++;
    report.codes[outcome.code] = (report.codes[outcome.code] ?? 0) + 1;
  } else report.failed++;
  report.slowestCpuMilliseconds = Math.max(report.slowestCpuMilliseconds, outcome.cpuMilliseconds);
  report.largestAllocation = Math.max(report.largestAllocation, outcome.largestAllocation);
  report.largestPeakGrowth = Math.max(report.largestPeakGrowth, outcome.peakGrowth);
}

/** Adds another report's counts and findings to `into`. */
export function mergeFuzzReports(into: FuzzReport, from: FuzzReport): void {
  into.cases += from.cases;
  into.accepted += from.accepted;
  into.rejected += from.rejected;
  into.failed += from.failed;
  for (const [code, count] of Object.entries(from.codes)) into.codes[code] = (into.codes[code] ?? 0) + count;
  into.slowestCpuMilliseconds = Math.max(into.slowestCpuMilliseconds, from.slowestCpuMilliseconds);
  into.largestAllocation = Math.max(into.largestAllocation, from.largestAllocation);
  into.largestPeakGrowth = Math.max(into.largestPeakGrowth, from.largestPeakGrowth);
  if (from.retainedGrowth !== undefined) into.retainedGrowth = Math.max(into.retainedGrowth ?? 0, from.retainedGrowth);
  into.findings.push(...from.findings);
}
