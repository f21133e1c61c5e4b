// One target's share of a long fuzz run, in a child that run.mjs supervises: chunks of cases drawn from
// the run's seed, progress written before every case (so that a case that kills the process is named),
// the counts and findings written at the end.
import { runFuzzChunk, emptyFuzzReport, mergeFuzzReports, targetBudget } from '@jointok/core/fuzz';
import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { allFuzzTargets } from './targets.js';

const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`bench/fuzz/long-run.fuzz.ts runs under bench/fuzz/run.mjs (${name} is not set)`);
  return value;
};

it('runs one target', async () => {
  const name = env('FUZZ_TARGET');
  const target = allFuzzTargets().find((candidate) => candidate.name === name);
  if (target === undefined) throw new Error(`no fuzz target ${name}`);
  const seed = Number(env('FUZZ_SEED'));
  const cases = Number(env('FUZZ_CASES'));
  const size = Number(env('FUZZ_CHUNK_SIZE'));
  const [firstChunk, firstCase] = env('FUZZ_FROM').split(':').map(Number) as [number, number];
  const report = emptyFuzzReport(name);
  const budget = targetBudget(target);
  for (let chunk = firstChunk; chunk * size < cases; chunk++) {
    const from = chunk === firstChunk ? firstCase : 0;
    const part = await runFuzzChunk(target, { seed, chunk, size: Math.min(size, cases - chunk * size), from }, budget, (index) => writeFileSync(env('FUZZ_PROGRESS'), `${chunk}:${index}`));
    mergeFuzzReports(report, part);
  }
  writeFileSync(env('FUZZ_REPORT'), JSON.stringify(report));
});
