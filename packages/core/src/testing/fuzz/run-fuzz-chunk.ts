import fc from 'fast-check';
import { encodeFuzzValue } from './fuzz-value-codec.js';
import { countOutcome, emptyFuzzReport, type FuzzReport } from './fuzz-report.js';
import type { FuzzBudget, FuzzTarget } from './fuzz-target.js';
import { collectGarbage } from './memory-probe.js';
import { runFuzzCase } from './run-fuzz-case.js';

/** One chunk of a long run: `size` inputs drawn from a seed derived from the run's seed and the chunk number. */
export interface FuzzChunk {
  readonly seed: number;
  readonly chunk: number;
  readonly size: number;
  /** Skip the cases before this index (resuming after a case that killed the process). */
  readonly from?: number;
}

/** The fast-check seed of one chunk of a run: every chunk's inputs can be regenerated on their own. */
export function chunkSeed(seed: number, chunk: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(chunk + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return (h ^ (h >>> 15)) | 0;
}

/** The inputs of one chunk (the same on every machine and run). */
export function chunkInputs<Input>(target: FuzzTarget<Input>, chunk: FuzzChunk): Input[] {
  return fc.sample(target.input, { seed: chunkSeed(chunk.seed, chunk.chunk), numRuns: chunk.size });
}

/**
 * Runs one chunk of a long fuzz run without shrinking; every failing input becomes a finding with its
 * encoded input. `beforeCase(index)` is called before each case, so that a supervising process can
 * name the input that killed or hung this one.
 */
export async function runFuzzChunk<Input>(target: FuzzTarget<Input>, chunk: FuzzChunk, budget: FuzzBudget, beforeCase?: (index: number) => void): Promise<FuzzReport> {
  const report = emptyFuzzReport(target.name);
  const inputs: (Input | undefined)[] = chunkInputs(target, chunk);
  for (let index = chunk.from ?? 0; index < inputs.length; index++) {
    beforeCase?.(index);
    const input = inputs[index] as Input;
    // Released once run: a chunk's inputs are generated together, and big ones kept alive make every
    // major collection slower, which the CPU budget of the cases after them would pay for.
    inputs[index] = undefined;
    let outcome = await runFuzzCase(target, input, budget);
    // CPU time includes garbage collection of the whole process: a slow case is confirmed on a fresh
    // heap before it counts (in the first 100,000-case runs, three 2 MB manifests took 1.5–7 s there
    // and 3–9 ms alone).
    if (outcome.kind === 'failed' && outcome.failure === 'slow' && collectGarbage()) outcome = await runFuzzCase(target, input, budget);
    countOutcome(report, outcome);
    if (outcome.kind === 'failed') {
      report.findings.push({ target: target.name, failure: outcome.failure, detail: outcome.detail, input: encodeFuzzValue(input), origin: `seed ${chunk.seed}, chunk ${chunk.chunk}, case ${index}` });
    }
  }
  return report;
}
