// Resampler throughput: @jointok/audio (built dist) against torchaudio / julius (torch ops) on the
// same 60 s of audio, in one run.
//
//   npm run bench:resample                    (builds @jointok/audio, then runs this)
//   node bench/audio/resample.mjs [--runs 5] [--seconds 60] [--python /usr/bin/python3]
//
// Prints one table (medians of --runs timed runs after a warm-up, in seconds and in seconds of
// audio per second) and writes bench/audio/resample-results.json. Ratios are speed ratios: > 1 means
// jointok is faster.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createResampler, resample } from '@jointok/audio';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', 5));
const seconds = Number(option('seconds', 60));
const python = option('python', '/usr/bin/python3');

const cases = [
  { name: '44.1k-24k-hann', fromRate: 44100, toRate: 24000, method: 'sinc-hann' },
  { name: '48k-16k-hann', fromRate: 48000, toRate: 16000, method: 'sinc-hann' },
  { name: '16k-24k-hann', fromRate: 16000, toRate: 24000, method: 'sinc-hann' },
  { name: '44.1k-24k-kaiser', fromRate: 44100, toRate: 24000, method: 'sinc-kaiser' },
  { name: '44.1k-24k-julius', fromRate: 44100, toRate: 24000, method: 'julius' },
];

/** Seeded speech-band noise (mulberry32, then a one-pole low-pass): content does not change speed. */
function signal(frames, seed) {
  let state = seed >>> 0;
  const out = new Float32Array(frames);
  let y = 0;
  for (let i = 0; i < frames; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const white = ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
    y = 0.9 * y + 0.1 * white;
    out[i] = 2 * y;
  }
  return out;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(fn) {
  const output = fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push((performance.now() - start) / 1000);
  }
  return { output, median: median(times), seconds: times };
}

const log = (message) => process.stderr.write(`${message}\n`);
const work = mkdtempSync(join(tmpdir(), 'jointok-bench-audio-'));
const inputs = {};
for (const c of cases) {
  const samples = signal(seconds * c.fromRate, c.fromRate);
  inputs[c.name] = samples;
  c.input = `${c.name}.f32`;
  writeFileSync(join(work, c.input), new Uint8Array(samples.buffer));
}
writeFileSync(join(work, 'cases.json'), JSON.stringify(cases));

// Warm every code path up before timing anything (the first case would otherwise pay for JIT tiers).
for (const c of cases) resample({ sampleRate: c.fromRate, channels: [inputs[c.name].subarray(0, 10 * c.fromRate)] }, c.toRate, { method: c.method });

const results = { machine: `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}`, node: process.version, loadAverage: loadavg()[0], runs, seconds, cases: {} };
for (const c of cases) {
  const audio = { sampleRate: c.fromRate, channels: [inputs[c.name]] };
  const whole = measure(() => resample(audio, c.toRate, { method: c.method }).channels[0]);
  const streaming = measure(() => {
    const resampler = createResampler(c.fromRate, c.toRate, { method: c.method });
    const input = inputs[c.name];
    let produced = 0;
    for (let i = 0; i < input.length; i += 4096) produced += resampler.push(input.subarray(i, i + 4096)).length;
    return produced + resampler.end().length;
  });
  results.cases[c.name] = { jointok: { median: whole.median, seconds: whole.seconds }, streaming4096: { median: streaming.median, seconds: streaming.seconds }, output: whole.output };
  log(`${c.name}: jointok ${whole.median.toFixed(3)} s, streaming ${streaming.median.toFixed(3)} s`);
}

for (const threads of [1, 2]) {
  const result = spawnSync(python, [join(here, 'resample_torch.py'), work, String(threads), String(runs)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`resample_torch.py failed:\n${result.stderr}`);
  const timings = JSON.parse(result.stdout);
  for (const c of cases) {
    const entry = results.cases[c.name];
    for (const [peer, timing] of Object.entries(timings[c.name])) entry[`${peer} ${threads}t`] = timing;
    if (threads === 1) {
      const reference = new Float32Array(readFileSync(join(work, `${c.name}.torch.f32`)).buffer.slice(0));
      let worst = 0;
      for (let i = 0; i < reference.length; i++) worst = Math.max(worst, Math.abs(reference[i] - entry.output[i]));
      entry.maxAbsDifference = reference.length === entry.output.length ? worst : `lengths ${entry.output.length} vs ${reference.length}`;
    }
  }
}
rmSync(work, { recursive: true, force: true });

const rows = [];
for (const c of cases) {
  const entry = results.cases[c.name];
  delete entry.output;
  const peers = Object.keys(entry).filter((k) => k.endsWith(' 1t') || k.endsWith(' 2t'));
  for (const peer of peers) {
    rows.push({
      case: c.name,
      peer,
      'jointok s': entry.jointok.median.toFixed(3),
      'streaming s': entry.streaming4096.median.toFixed(3),
      'peer s': entry[peer].median.toFixed(3),
      'jointok ×realtime': Math.round(seconds / entry.jointok.median),
      'speed ratio': (entry[peer].median / entry.jointok.median).toFixed(2),
      'max |diff|': typeof entry.maxAbsDifference === 'number' ? entry.maxAbsDifference.toExponential(1) : entry.maxAbsDifference,
    });
  }
}
console.table(rows);
writeFileSync(join(here, 'resample-results.json'), `${JSON.stringify(results, null, 1)}\n`);
