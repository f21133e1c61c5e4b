// pretokenize throughput with 1 and 2 worker threads (and on the main thread) on a mixed dataset,
// through the built command as users run it: medians of alternating rounds, and the scaling ratio.
//   npm run bench:pretokenize -- [--documents 160] [--rounds 3]
// Writes bench/results/pretokenize.json. Image model: $JOINTOK_IMAGE_MODEL, else the built-in one, else
// the tiny LlamaGen fixture (named in the output).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const documents = arg('--documents', 160);
const rounds = arg('--rounds', 3);
const bin = join(root, 'packages/cli/dist/bin.js');
const env = { ...process.env };
if (!env.JOINTOK_IMAGE_MODEL && !existsSync(join(root, 'packages/image/models/jointok-image-base/jointok.json'))) {
  env.JOINTOK_IMAGE_MODEL = join(root, 'packages/image/src/families/llamagen/__fixtures__/llamagen-tiny');
  console.log(`image model: the tiny LlamaGen fixture (the built-in one is not installed)`);
}

const work = mkdtempSync(join(tmpdir(), 'jointok-bench-'));
execFileSync(process.execPath, [join(root, 'bench/pretokenize/make-dataset.mjs'), join(work, 'dataset'), '--documents', String(documents)], { stdio: 'inherit' });
const input = join(work, 'dataset', 'mixed.jsonl');

function run(workers, round) {
  const out = join(work, `out-${workers}-${round}`);
  const started = performance.now();
  const stdout = execFileSync(process.execPath, [bin, 'pretokenize', input, '--out', out, '--workers', String(workers), '--json'], { env, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const result = JSON.parse(stdout);
  const tokens = result.counts.tokens;
  const bytes = readFileSync(join(out, 'tokens.bin'));
  rmSync(out, { recursive: true, force: true });
  // The command's own figures: CPU seconds of all its threads, and the encoding phase after start-up.
  return { seconds, tokens, digest: bytes.length, cpuSeconds: result.cpuSeconds, encodeSeconds: result.timing.encodeSeconds };
}

const settings = [0, 1, 2];
const times = Object.fromEntries(settings.map((w) => [w, []]));
const cpu = Object.fromEntries(settings.map((w) => [w, []]));
const encode = Object.fromEntries(settings.map((w) => [w, []]));
let tokens = 0;
run(1, 'warm-up');
for (let round = 0; round < rounds; round++) {
  for (const workers of round % 2 === 0 ? settings : [...settings].reverse()) {
    const r = run(workers, round);
    times[workers].push(r.seconds);
    cpu[workers].push(r.cpuSeconds);
    encode[workers].push(r.encodeSeconds);
    tokens = r.tokens;
    console.log(`round ${round + 1}: ${workers} worker${workers === 1 ? '' : 's'} ${r.seconds.toFixed(2)} s (encoding ${r.encodeSeconds.toFixed(2)} s, CPU ${r.cpuSeconds.toFixed(2)} s)`);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = settings.map((workers) => {
  const s = median(times[workers]);
  const e = median(encode[workers]);
  const c = median(cpu[workers]);
  return { workers: workers === 0 ? 'main thread' : workers, seconds: s, encodeSeconds: e, documentsPerSecond: documents / s, tokensPerSecond: tokens / s, encodingTokensPerSecond: tokens / e, cpuSeconds: c, coresUsed: c / s };
});
const scaling = median(times[1]) / median(times[2]);
const encodingScaling = median(encode[1]) / median(encode[2]);
console.log('\n| workers | whole command, median s | documents/s | tokens/s | encoding phase, median s | CPU s | cores used |\n|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.workers} | ${r.seconds.toFixed(2)} | ${r.documentsPerSecond.toFixed(1)} | ${Math.round(r.tokensPerSecond).toLocaleString('en-US')} | ${r.encodeSeconds.toFixed(2)} | ${r.cpuSeconds.toFixed(2)} | ${r.coresUsed.toFixed(2)} |`);
console.log(`\n2 workers vs 1: ${scaling.toFixed(2)}× (whole command), ${encodingScaling.toFixed(2)}× (encoding phase) · ${documents} documents, ${tokens.toLocaleString('en-US')} tokens · ${cpus().length} cores · load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/pretokenize.json'), JSON.stringify({ documents, tokens, rounds, rows, scaling, encodingScaling, cores: cpus().length, loadavg: loadavg() }, null, 2));
rmSync(work, { recursive: true, force: true });
