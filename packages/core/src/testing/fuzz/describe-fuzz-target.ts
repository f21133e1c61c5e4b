import { describe, expect, it } from 'vitest';
import type { FuzzReport } from './fuzz-report.js';
import type { FuzzBudget, FuzzTarget } from './fuzz-target.js';
import { decodeFuzzValue } from './fuzz-value-codec.js';
import { readFuzzRegressions, writeFuzzRegression } from './regressions.js';
import { runFuzzCase, targetBudget } from './run-fuzz-case.js';
import { runFuzz } from './run-fuzz.js';

/** Settings of {@link describeFuzzTarget}. */
export interface DescribeFuzzTargetOptions {
  /** fast-check seed of the short run: fixed, so that `npm test` is deterministic. */
  readonly seed: number;
  /** Cases of the short run; size it to a second or two (long runs belong in `bench/fuzz`). */
  readonly runs: number;
  /** The folder of committed regression inputs (`<folder>/<target name, / as __>/*.json`), replayed one by one. */
  readonly regressions?: string;
  /**
   * The fewest cases that must end in a JointokError: proof that the generated inputs reach the
   * error paths at all (a generator that only makes valid files would pass every invariant). Default 1.
   */
  readonly minimumRejected?: number;
  /** Overrides of the target's budget. */
  readonly budget?: Partial<FuzzBudget>;
}

/**
 * The vitest suite of one fuzz target: a short seeded run that must end without findings (a failure
 * prints the shrunk input, encoded, ready for `writeFuzzRegression`), and one test per committed
 * regression input, each held to the same invariants. With `JOINTOK_FUZZ_RECORD=1` in the
 * environment, the short run's findings are written to the regression folder as well.
 */
export function describeFuzzTarget<Input>(target: FuzzTarget<Input>, options: DescribeFuzzTargetOptions): void {
  describe(`fuzz ${target.name}`, () => {
    it(`keeps its invariants over ${options.runs} seeded cases`, async () => {
      const report = await runFuzz(target, options);
      if (options.regressions !== undefined && process.env['JOINTOK_FUZZ_RECORD'] === '1') {
        for (const finding of report.findings) if (finding.input !== undefined) writeFuzzRegression(options.regressions, target.name, decodeFuzzValue(finding.input), `${finding.failure}: ${finding.detail}`);
      }
      expect(report.findings.map((finding) => `${finding.failure}: ${finding.detail}`), describeFindings(report)).toEqual([]);
      expect(report.cases).toBe(options.runs);
      expect(report.rejected, 'cases that ended in a JointokError').toBeGreaterThanOrEqual(options.minimumRejected ?? 1);
    });

    const regressions = options.regressions === undefined ? [] : readFuzzRegressions(options.regressions, target.name);
    for (const regression of regressions) {
      it(`replays ${regression.file.split(/[\\/]/).pop()}: ${regression.note.slice(0, 80)}`, async () => {
        const outcome = await runFuzzCase(target, regression.input as Input, targetBudget(target, options.budget));
        expect(outcome.kind === 'failed' ? `${outcome.failure}: ${outcome.detail}` : 'passed').toBe('passed');
      });
    }
  });
}

function describeFindings(report: FuzzReport): string {
  return report.findings.map((finding) => `${finding.failure}: ${finding.detail}\n  origin: ${finding.origin}\n  input: ${(finding.input ?? '').slice(0, 300)}`).join('\n');
}
