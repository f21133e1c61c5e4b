// Quantizer speed: the TypeScript path of @jointok/core (built dist) side by side with the same
// operation as an onnxruntime-node graph and in PyTorch on CPU, all in one run.
//
//   npm run bench:quantizers             (builds core, then runs this)
//   node bench/quantizers/run.mjs [--runs 5] [--scale 1] [--python /usr/bin/python3] [--only vq-cosine,rvq]
//
// --only measures just the named cases (vq-l2, vq-cosine, fsq, rvq) in TypeScript and ONNX Runtime;
// the torch side still runs every case, only the named ones are reported.
//
// Prints one table (medians of --runs timed runs after a warm-up; vectors per second) and writes
// bench/results/quantizers.json. Ratios are speed ratios: TS/torch > 1 means TypeScript is faster.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { acceleratedPaths, benchCases, benchInputs, typescriptPaths } from './cases.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', 5));
const scale = Number(option('scale', 1));
const python = option('python', '/usr/bin/python3');

const allCases = benchCases(scale);
const only = option('only', undefined)?.split(',');
const unknown = (only ?? []).filter((name) => !allCases.some((c) => c.name === name));
if (unknown.length > 0) throw new Error(`--only: unknown case(s) ${unknown.join(', ')}; expected some of ${allCases.map((c) => c.name).join(', ')}`);
// Inputs and paths are built for every case (the torch side reads them all); only the chosen ones are measured.
const cases = only === undefined ? allCases : allCases.filter((c) => only.includes(c.name));
const inputs = benchInputs(allCases);
const work = mkdtempSync(join(tmpdir(), 'jointok-bench-'));
const shapes = {};
for (const [name, { shape, data }] of Object.entries(inputs)) {
  writeFileSync(join(work, `${name}.f32`), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  shapes[name] = shape;
}
writeFileSync(join(work, 'shapes.json'), JSON.stringify(shapes));

function runPython(...rest) {
  const result = spawnSync(python, [join(here, 'torch_side.py'), ...rest], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${python} torch_side.py ${rest.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

/** Warm-up, then `runs` timed runs; returns the codes of the warm-up and the times in seconds. */
async function measure(fn) {
  const codes = await fn();
  const seconds = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    seconds.push((performance.now() - start) / 1000);
  }
  return { codes, seconds, median: median(seconds) };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function agreement(a, b) {
  if (a === undefined || b === undefined || a.length !== b.length) return null;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (Number(a[i]) === Number(b[i])) same++;
  return same / a.length;
}

const log = (message) => process.stderr.write(`${message}\n`);
log(`inputs in ${work}; ${runs} runs per measurement`);
runPython('graphs', work);

const results = {};
for (const c of cases) results[c.name] = { label: c.label, vectors: c.count, measurements: {} };
const record = (name, key, measured, extra = {}) => {
  results[name].measurements[key] = { seconds: measured.seconds, median: measured.median, vectorsPerSecond: results[name].vectors / measured.median, ...extra };
};
const codes = {};

// TypeScript (one thread).
const typescript = typescriptPaths(allCases, inputs);
for (const c of cases) {
  log(`TypeScript ${c.label} (${typescript[c.name].how})`);
  const measured = await measure(typescript[c.name].run);
  record(c.name, 'ts', measured, { how: typescript[c.name].how });
  codes[`ts:${c.name}`] = measured.codes;
}

// Accelerated search (threshold default; ONNX graph with a float64 check) on the VQ cases.
const accelerated = acceleratedPaths(allCases, inputs, ort);
for (const [name, fn] of Object.entries(accelerated.paths).filter(([name]) => cases.some((c) => c.name === name))) {
  log(`accelerated search ${name}`);
  const measured = await measure(fn);
  record(name, 'accel', measured);
  codes[`accel:${name}`] = measured.codes;
}
await accelerated.search.release();

// The same operations as float32 onnxruntime-node graphs, on 1 and 2 threads.
const ortFeeds = {
  'vq-l2': ['vq_l2_x', 'vq_l2_codebook', 'codebook'],
  'vq-cosine': ['vq_cos_x', 'vq_cos_codebook', 'codebook'],
  fsq: ['fsq_x'],
  rvq: ['rvq_x', 'rvq_codebooks', 'codebooks'],
};
const ortChunk = { 'vq-l2': 1024, 'vq-cosine': 1024, fsq: 1 << 20, rvq: 1024 };
for (const threads of [1, 2]) {
  for (const c of cases) {
    log(`onnxruntime-node ${c.label}, ${threads} thread(s)`);
    const session = await ort.InferenceSession.create(join(work, `${c.name}.onnx`), { intraOpNumThreads: threads, interOpNumThreads: 1 });
    const [xName, bookName, bookInput] = ortFeeds[c.name];
    const x = inputs[xName];
    const book = bookName === undefined ? undefined : new ort.Tensor('float32', inputs[bookName].data, inputs[bookName].shape);
    const dim = x.shape[1];
    const run = async () => {
      const out = new Int32Array(c.count * (c.stages ?? 1));
      for (let start = 0; start < c.count; start += ortChunk[c.name]) {
        const rows = Math.min(ortChunk[c.name], c.count - start);
        const feeds = { x: new ort.Tensor('float32', x.data.subarray(start * dim, (start + rows) * dim), [rows, dim]) };
        if (book !== undefined) feeds[bookInput] = book;
        const { indices } = await session.run(feeds);
        const stride = c.stages ?? 1;
        for (let i = 0; i < rows * stride; i++) out[start * stride + i] = Number(indices.data[i]);
      }
      return out;
    };
    const measured = await measure(run);
    record(c.name, `ort${threads}`, measured);
    codes[`ort:${c.name}`] ??= measured.codes;
    await session.release();
  }
}

// PyTorch on CPU, 1 and 2 threads (separate processes, so the thread count is set before any work).
const torchInfo = {};
for (const threads of [1, 2]) {
  log(`torch, ${threads} thread(s)`);
  const output = JSON.parse(runPython('bench', work, String(threads), String(runs)));
  torchInfo.version = output.torch;
  torchInfo.blas = output.blas;
  for (const c of cases) {
    const r = output.results[c.name];
    record(c.name, `torch${threads}`, { seconds: r.seconds, median: r.median });
    if (threads === 1) {
      const bytes = readFileSync(join(work, `torch_${c.name}.i32`));
      codes[`torch:${c.name}`] = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    }
  }
}

for (const c of cases) {
  const m = results[c.name].measurements;
  results[c.name].ratios = {
    tsOverTorch1: m.ts.vectorsPerSecond / m.torch1.vectorsPerSecond,
    tsOverOrt1: m.ts.vectorsPerSecond / m.ort1.vectorsPerSecond,
    ...(m.accel ? { accelOverTorch1: m.accel.vectorsPerSecond / m.torch1.vectorsPerSecond } : {}),
  };
  results[c.name].agreement = {
    tsVsTorch: agreement(codes[`ts:${c.name}`], codes[`torch:${c.name}`]),
    tsVsOrt: agreement(codes[`ts:${c.name}`], codes[`ort:${c.name}`]),
    ...(codes[`accel:${c.name}`] ? { accelVsTs: agreement(codes[`accel:${c.name}`], codes[`ts:${c.name}`]) } : {}),
  };
}

const fmt = (v) => (v === undefined ? '—' : v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)}k` : v.toFixed(0));
const pct = (v) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(2)}%`);
const header = ['operation', 'vectors', 'TS', 'accel', 'ORT 1t', 'ORT 2t', 'torch 1t', 'torch 2t', 'TS/torch1', 'TS/ORT1', 'same codes TS=torch', 'accel=TS'];
const rows = cases.map((c) => {
  const r = results[c.name];
  const m = r.measurements;
  return [c.label, String(c.count), fmt(m.ts.vectorsPerSecond), fmt(m.accel?.vectorsPerSecond), fmt(m.ort1.vectorsPerSecond), fmt(m.ort2.vectorsPerSecond), fmt(m.torch1.vectorsPerSecond), fmt(m.torch2.vectorsPerSecond), r.ratios.tsOverTorch1.toFixed(2), r.ratios.tsOverOrt1.toFixed(2), pct(r.agreement.tsVsTorch), pct(r.agreement.accelVsTs)];
});
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) => `| ${cells.map((cell, i) => (i < 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
console.log(`vectors/s, median of ${runs} runs; TS = @jointok/core dist (1 thread); accel = encodeAsync on createAcceleratedNearestSearch (ORT, 1 thread); torch ${torchInfo.version} (BLAS ${torchInfo.blas}); ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}); node ${process.version}`);
console.log(line(header));
console.log(`|${widths.map((w, i) => (i < 1 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const row of rows) console.log(line(row));
for (const c of cases) console.log(`${c.label}: TS path = ${results[c.name].measurements.ts.how}`);

const resultsDir = join(here, '..', 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, 'quantizers.json'),
  `${JSON.stringify({ date: new Date().toISOString(), runs, scale, node: process.version, torch: torchInfo.version, torchBlas: torchInfo.blas, cpus: cpus().length, cpuModel: cpus()[0]?.model, results }, null, 1)}\n`,
);
rmSync(work, { recursive: true, force: true });
