/**
 * `@jointok/core/fuzz`: the standing fuzz suite's harness (Node only; needs `fast-check`, an optional
 * peer dependency). A {@link FuzzTarget} says how to generate inputs of one format and what to feed
 * them to; {@link runFuzz} runs a short seeded property-based pass (tests), {@link runFuzzChunk} one
 * chunk of a long run (`bench/fuzz/run.mjs`). Every case is held to the same invariants: only
 * JointokErrors escape (with a non-empty `code` and a bounded message), round trips hold, and each case
 * stays within a CPU-time, allocation and peak-memory budget; live memory must not grow over a run.
 * {@link describeFuzzTarget} is the vitest suite a package's tests call for each of its targets.
 */
export { defaultFuzzBudget, defineFuzzTarget, type AnyFuzzTarget, type FuzzBudget, type FuzzTarget } from './fuzz-target.js';
export type { FuzzCaseOutcome, FuzzCaseMeasures, FuzzFailureKind } from './fuzz-outcome.js';
export { FuzzPropertyError, fuzzAssert } from './fuzz-property-error.js';
export { runFuzzCase, targetBudget, describeThrown } from './run-fuzz-case.js';
export { runFuzz, type RunFuzzOptions } from './run-fuzz.js';
export { describeFuzzTarget, type DescribeFuzzTargetOptions } from './describe-fuzz-target.js';
export { runFuzzChunk, chunkInputs, chunkSeed, type FuzzChunk } from './run-fuzz-chunk.js';
export { emptyFuzzReport, countOutcome, mergeFuzzReports, type FuzzReport, type FuzzFinding } from './fuzz-report.js';
export { installAllocationGuard, type AllocationGuard, type RefusedAllocation } from './allocation-guard.js';
export { collectGarbage, liveBytes, peakResidentBytes, residentBytes } from './memory-probe.js';
export { encodeFuzzValue, decodeFuzzValue } from './fuzz-value-codec.js';
export { readFuzzRegressions, writeFuzzRegression, type FuzzRegression } from './regressions.js';
export { repositoryRoot, findSeedFiles } from './seed-files.js';
export { byteMutation, applyByteMutations, mutatedFile, type ByteMutation, type ChunkedFormat, type FileChunk } from './byte-mutations.js';
export { jsonMutation, applyJsonMutations, textMutation, applyTextMutations, type JsonMutation, type TextMutation } from './json-mutations.js';
export { hostileNumber, hostileNumbers, nonFiniteNumbers, hostileString, hostileJsonValue, hostileValue, nested } from './hostile-values.js';
