#!/usr/bin/env node
// The long fuzz run: every target (or those named) for --cases cases each, one supervised vitest child
// per target. A case that kills or hangs the child is a finding too: the child writes its position
// before every case, and the run resumes after it. Counts and findings go to bench/fuzz/results.json.
//
//   node bench/fuzz/run.mjs [--cases 100000] [--seed 1] [--chunk 250] [--targets core/manifest,image/png-jpeg]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeFuzzValue, writeFuzzRegression } from '@jointok/core/fuzz';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    chunk: { type: 'string', default: '250' },
    targets: { type: 'string', default: 'core/manifest,core/layout,core/safetensors,core/joint-parse,core/quantizer-spec,text/tiktoken,text/tokenizer-json,image/png-jpeg,audio/wav,audio/compressed,video/y4m' },
    out: { type: 'string', default: join(root, 'bench/fuzz/results.json') },
    // A child that neither finishes nor moves on within this many seconds is killed (a hang the per-case timer missed).
    stall: { type: 'string', default: '120' },
  },
});
const work = mkdtempSync(join(tmpdir(), 'jointok-fuzz-'));
const results = [];

for (const name of values.targets.split(',')) {
  const progress = join(work, `${name.replace('/', '__')}.progress`);
  const reportFile = join(work, `${name.replace('/', '__')}.json`);
  const crashes = [];
  let from = '0:0';
  const started = Date.now();
  for (;;) {
    const child = spawnSync('npx', ['vitest', 'run', '--config', 'bench/fuzz/vitest.config.ts'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      timeout: Number(values.cases) * 2000 + 600_000,
      env: { ...process.env, FUZZ_TARGET: name, FUZZ_SEED: values.seed, FUZZ_CASES: values.cases, FUZZ_CHUNK_SIZE: values.chunk, FUZZ_FROM: from, FUZZ_PROGRESS: progress, FUZZ_REPORT: reportFile, NODE_OPTIONS: '--max-old-space-size=4096' },
    });
    if (child.status === 0 && existsSync(reportFile)) break;
    // The child died (V8 abort, out of memory, killed): the case it was on is a finding; go on after it.
    const position = existsSync(progress) ? readFileSync(progress, 'utf8') : '0:0';
    const [chunk, index] = position.split(':').map(Number);
    crashes.push({ target: name, failure: 'crash', detail: `child exited with ${child.status ?? child.signal}: ${(child.stderr ?? '').split('\n').filter(Boolean).slice(-3).join(' | ').slice(0, 400)}`, origin: `seed ${values.seed}, chunk ${chunk}, case ${index}` });
    from = `${chunk}:${index + 1}`;
    if (crashes.length > 20) break;
  }
  const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : { target: name, cases: 0, findings: [] };
  report.findings.push(...crashes);
  // Full inputs go to findings/<target>/ in the regression format (move one to the package's
  // src/fuzz/__fixtures__/regressions once fixed); results.json names the file.
  for (const finding of report.findings) {
    if (finding.input === undefined) continue;
    finding.file = writeFuzzRegression(join(root, 'bench/fuzz/findings'), name, decodeFuzzValue(finding.input), `${finding.failure}: ${finding.detail} (${finding.origin})`).slice(root.length);
    delete finding.input;
  }
  report.seconds = Math.round((Date.now() - started) / 1000);
  results.push(report);
  console.log(`${name}: ${report.cases} cases (${report.accepted ?? 0} accepted, ${report.rejected ?? 0} rejected), ${report.findings.length} findings, slowest ${Math.round(report.slowestCpuMilliseconds ?? 0)} ms CPU, largest allocation ${report.largestAllocation ?? 0} B, ${report.seconds} s`);
  for (const finding of report.findings.slice(0, 5)) console.log(`  ${finding.failure}: ${finding.detail.slice(0, 200)} (${finding.origin})`);
}
writeFileSync(values.out, `${JSON.stringify({ seed: Number(values.seed), casesPerTarget: Number(values.cases), node: process.version, results }, null, 1)}\n`);
console.log(`results in ${values.out}`);
