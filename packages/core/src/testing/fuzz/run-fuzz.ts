import fc from 'fast-check';
import { encodeFuzzValue } from './fuzz-value-codec.js';
import { countOutcome, emptyFuzzReport, type FuzzReport } from './fuzz-report.js';
import type { FuzzBudget, FuzzTarget } from './fuzz-target.js';
import { collectGarbage, liveBytes } from './memory-probe.js';
import { runFuzzCase, targetBudget } from './run-fuzz-case.js';

/** Options of {@link runFuzz}. */
export interface RunFuzzOptions {
  /** fast-check seed; fixed in tests so that a run is reproducible. */
  readonly seed: number;
  /** Cases to generate. */
  readonly runs: number;
  /** Overrides of the target's budget. */
  readonly budget?: Partial<FuzzBudget>;
  /** Inputs of the retained-memory check (run twice; the second pass is measured); default the smaller of `runs` and 60. */
  readonly leakSample?: number;
}

/**
 * A seeded property-based run of one target (fast-check's `check`): every case must satisfy the
 * invariants of {@link runFuzzCase}; the first failing input is shrunk and reported as a finding, with
 * its encoded input ready to be committed as a regression.
 *
 * Retained memory (`retainedBytes`) is measured as a leak, not as a level: a sample of inputs runs
 * once before the property run, and again after it between two full collections. Caches, pools and
 * WebAssembly memories that grew to the largest input seen (they never shrink, and are bounded) have
 * settled by then, so they do not count; memory kept per case does, since the second pass keeps it again.
 */
export async function runFuzz<Input>(target: FuzzTarget<Input>, options: RunFuzzOptions): Promise<FuzzReport> {
  const budget = targetBudget(target, options.budget);
  const report = emptyFuzzReport(target.name);
  const sample = fc.sample(target.input, { seed: options.seed ^ 0x5bd1e995, numRuns: options.leakSample ?? Math.min(options.runs, 60) });
  for (const input of sample) await runFuzzCase(target, input, budget);
  let shrinking = false;
  const details = await fc.check(
    fc.asyncProperty(target.input, async (input) => {
      const outcome = await runFuzzCase(target, input, budget);
      if (!shrinking) countOutcome(report, outcome);
      if (outcome.kind === 'failed') shrinking = true;
      return outcome.kind !== 'failed';
    }),
    { seed: options.seed, numRuns: options.runs },
  );
  if (details.failed && details.counterexample !== null) {
    const [input] = details.counterexample;
    const outcome = await runFuzzCase(target, input, budget);
    report.findings.push({
      target: target.name,
      failure: outcome.kind === 'failed' ? outcome.failure : 'property',
      detail: outcome.kind === 'failed' ? outcome.detail : `failed while fuzzing, passes alone (${outcome.kind})`,
      input: encodeFuzzValue(input),
      origin: `seed ${options.seed}, path ${details.counterexamplePath ?? '?'}`,
    });
  } else if (details.failed) {
    report.findings.push({ target: target.name, failure: 'escaped-error', detail: String(details.errorInstance), origin: `seed ${options.seed}` });
  }
  if (collectGarbage()) {
    const before = liveBytes();
    for (const input of sample) await runFuzzCase(target, input, budget);
    collectGarbage();
    report.retainedGrowth = liveBytes() - before;
    if (report.retainedGrowth > budget.retainedBytes) {
      report.findings.push({ target: target.name, failure: 'retained-memory', detail: `live memory grew ${report.retainedGrowth} bytes over a second pass of ${sample.length} cases (budget ${budget.retainedBytes})`, origin: `seed ${options.seed}` });
    }
  }
  return report;
}
