// Times the bench's residual VQ (8 × 1024×128 over 10,000 frames) through the built @jointok/core's
// synchronous `encode`, alone, for profiling: `node --cpu-prof bench/quantizers/rvq-profile.mjs`.
//
//   node bench/quantizers/rvq-profile.mjs [--runs 5] [--scale 1]
import { parseArgs } from 'node:util';
import { benchCases, benchInputs, typescriptPaths } from './cases.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, scale: { type: 'string', default: '1' } } });
const cases = benchCases(Number(values.scale));
const { rvq } = typescriptPaths(cases, benchInputs(cases));
const first = rvq.run();
const times = [];
const cpuTimes = [];
for (let i = 0; i < Number(values.runs); i++) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const codes = rvq.run();
  times.push(performance.now() - start);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
  if (codes.some((c, k) => c !== first[k])) throw new Error('codes changed between runs');
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
let hash = 0;
for (const c of first) hash = (Math.imul(hash, 31) + c) | 0;
const median = (sorted) => sorted[sorted.length >> 1].toFixed(1);
console.log(`rvq encode: wall median ${median(times)} ms (min ${times[0].toFixed(1)}), CPU median ${median(cpuTimes)} ms (min ${cpuTimes[0].toFixed(1)}) over ${times.length} runs; codes hash ${hash}`);
