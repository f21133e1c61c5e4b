// Quantizer speed: the TypeScript path of @jointok/core (built dist) side by side with the same
// operation as an onnxruntime-node graph and in PyTorch on CPU, all in one run, interleaved.
//
//   npm run bench:quantizers             (builds core, then runs this)
//   node bench/quantizers/run.mjs [--runs 7] [--scale 1] [--python /usr/bin/python3] [--only vq-cosine,rvq] [--one-thread]
//
// --one-thread leaves out the two-thread sides: their idle worker threads (OpenBLAS and onnxruntime spin
// for a while after each call) take a core from whichever one-thread side runs next on a 2-core machine.
//
// Every side (TS, accel, ORT 1t/2t, torch 1t/2t) gets one warm-up call per operation, then --runs
// timed rounds; within a round each operation runs on every side in turn (the order reversed every
// other round), so load on a shared machine falls on all sides alike. Torch runs in two long-lived
// processes (torch-server.mjs) with torch.set_num_threads and OMP/OpenBLAS/MKL threads pinned.
//
// Prints one table (median vectors per second with the spread (max − min) / median of the runs,
// flagged past 20 %) and writes bench/results/quantizers.json with every run's wall and CPU seconds.
// Ratios are speed ratios: TS/torch > 1 means TypeScript is faster.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { acceleratedPaths, benchCases, benchInputs, typescriptPaths } from './cases.mjs';
import { noisySpread, summarize, timeOnce } from './measure.mjs';
import { startTorchServer, writeTorchInputs } from './torch-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', 7));
const scale = Number(option('scale', 1));
const python = option('python', '/usr/bin/python3');
const oneThread = args.includes('--one-thread');
const log = (message) => process.stderr.write(`${message}\n`);
if (!(runs >= 5)) log(`warning: --runs ${runs}: medians and spreads of fewer than 5 runs say little`);

const allCases = benchCases(scale);
const only = option('only', undefined)?.split(',');
const unknown = (only ?? []).filter((name) => !allCases.some((c) => c.name === name));
if (unknown.length > 0) throw new Error(`--only: unknown case(s) ${unknown.join(', ')}; expected some of ${allCases.map((c) => c.name).join(', ')}`);
const cases = only === undefined ? allCases : allCases.filter((c) => only.includes(c.name));
const inputs = benchInputs(allCases);
const work = mkdtempSync(join(tmpdir(), 'jointok-bench-'));
writeTorchInputs(inputs, work);
const loadBefore = loadavg();
log(`inputs in ${work}; warm-up + ${runs} interleaved rounds; load average ${loadBefore.map((v) => v.toFixed(2)).join(' ')}`);
const graphs = spawnSync(python, [join(here, 'torch_side.py'), 'graphs', work], { encoding: 'utf8' });
if (graphs.status !== 0) throw new Error(`${python} torch_side.py graphs failed:\n${graphs.stderr}`);

// The sides of every case: name -> async () => { seconds, cpuSeconds, codes? }.
const node = (fn) => async () => {
  const { result, seconds, cpuSeconds } = await timeOnce(fn);
  return { seconds, cpuSeconds, codes: result };
};
const typescript = typescriptPaths(allCases, inputs);
const accelerated = acceleratedPaths(allCases, inputs, ort);
const torch = { 1: await startTorchServer(python, join(here, 'torch_side.py'), work, 1), ...(oneThread ? {} : { 2: await startTorchServer(python, join(here, 'torch_side.py'), work, 2) }) };
const ortFeeds = {
  'vq-l2': ['vq_l2_x', 'vq_l2_codebook', 'codebook'],
  'vq-cosine': ['vq_cos_x', 'vq_cos_codebook', 'codebook'],
  fsq: ['fsq_x'],
  rvq: ['rvq_x', 'rvq_codebooks', 'codebooks'],
};
const ortChunk = { 'vq-l2': 1024, 'vq-cosine': 1024, fsq: 1 << 20, rvq: 1024 };
const sessions = [];
async function ortSide(c, threads) {
  const session = await ort.InferenceSession.create(join(work, `${c.name}.onnx`), { intraOpNumThreads: threads, interOpNumThreads: 1 });
  sessions.push(session);
  const [xName, bookName, bookInput] = ortFeeds[c.name];
  const x = inputs[xName];
  const book = bookName === undefined ? undefined : new ort.Tensor('float32', inputs[bookName].data, inputs[bookName].shape);
  const dim = x.shape[1];
  const stride = c.stages ?? 1;
  return node(async () => {
    const out = new Int32Array(c.count * stride);
    for (let start = 0; start < c.count; start += ortChunk[c.name]) {
      const rows = Math.min(ortChunk[c.name], c.count - start);
      const feeds = { x: new ort.Tensor('float32', x.data.subarray(start * dim, (start + rows) * dim), [rows, dim]) };
      if (book !== undefined) feeds[bookInput] = book;
      const { indices } = await session.run(feeds);
      for (let i = 0; i < rows * stride; i++) out[start * stride + i] = Number(indices.data[i]);
    }
    return out;
  });
}
const torchSide = (name, threads) => async () => torch[threads].time(name);
const sides = {};
for (const c of cases) {
  sides[c.name] = {
    ts: node(typescript[c.name].run),
    ...(accelerated.paths[c.name] ? { accel: node(accelerated.paths[c.name]) } : {}),
    torch1: torchSide(c.name, 1),
    ort1: await ortSide(c, 1),
    ...(oneThread ? {} : { torch2: torchSide(c.name, 2), ort2: await ortSide(c, 2) }),
  };
}

// Warm-up (codes kept), then interleaved timed rounds.
const codes = {};
const times = {};
for (const c of cases) {
  log(`warm-up ${c.label}`);
  times[c.name] = {};
  for (const [side, fn] of Object.entries(sides[c.name])) {
    const { codes: sideCodes } = await fn();
    if (sideCodes) codes[`${side}:${c.name}`] = sideCodes;
    times[c.name][side] = [];
  }
}
for (let round = 0; round < runs; round++) {
  log(`round ${round + 1}/${runs}`);
  for (const c of cases) {
    const order = Object.keys(sides[c.name]);
    if (round % 2 === 1) order.reverse();
    for (const side of order) times[c.name][side].push(await sides[c.name][side]());
  }
}
for (const server of Object.values(torch)) server.close();
await accelerated.search.release();
for (const session of sessions) await session.release();
const loadAfter = loadavg();
for (const c of cases) {
  const bytes = readFileSync(join(work, `torch_${c.name}.i32`));
  codes[`torch1:${c.name}`] = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

function agreement(a, b) {
  if (a === undefined || b === undefined || a.length !== b.length) return null;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (Number(a[i]) === Number(b[i])) same++;
  return same / a.length;
}

const results = {};
for (const c of cases) {
  const measurements = {};
  for (const [side, list] of Object.entries(times[c.name])) {
    const wall = summarize(list.map((t) => t.seconds));
    const cpu = summarize(list.map((t) => t.cpuSeconds));
    measurements[side] = { ...wall, vectorsPerSecond: c.count / wall.median, cpuSeconds: cpu.seconds, cpuMedian: cpu.median, cpuVectorsPerSecond: c.count / cpu.median };
  }
  const m = measurements;
  results[c.name] = {
    label: c.label,
    vectors: c.count,
    how: typescript[c.name].how,
    measurements,
    ratios: {
      tsOverTorch1: m.ts.vectorsPerSecond / m.torch1.vectorsPerSecond,
      tsOverTorch1Cpu: m.ts.cpuVectorsPerSecond / m.torch1.cpuVectorsPerSecond,
      tsOverOrt1: m.ts.vectorsPerSecond / m.ort1.vectorsPerSecond,
      ...(m.accel ? { accelOverTorch1: m.accel.vectorsPerSecond / m.torch1.vectorsPerSecond } : {}),
    },
    agreement: {
      tsVsTorch: agreement(codes[`ts:${c.name}`], codes[`torch1:${c.name}`]),
      tsVsOrt: agreement(codes[`ts:${c.name}`], codes[`ort1:${c.name}`]),
      ...(codes[`accel:${c.name}`] ? { accelVsTs: agreement(codes[`accel:${c.name}`], codes[`ts:${c.name}`]) } : {}),
    },
  };
}

const fmt = (v) => (v === undefined ? '—' : v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)}k` : v.toFixed(0));
const cell = (m) => (m === undefined ? '—' : `${fmt(m.vectorsPerSecond)} ±${Math.round(m.spread * 50)}%${m.noisy ? '*' : ''}`);
const pct = (v) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(2)}%`);
const header = ['operation', 'vectors', 'TS', 'accel', 'ORT 1t', 'ORT 2t', 'torch 1t', 'torch 2t', 'TS/torch1', 'TS/torch1 CPU', 'accel/torch1', 'TS/ORT1', 'same codes TS=torch', 'accel=TS'];
const rows = cases.map((c) => {
  const r = results[c.name];
  const m = r.measurements;
  return [c.label, String(c.count), cell(m.ts), cell(m.accel), cell(m.ort1), cell(m.ort2), cell(m.torch1), cell(m.torch2), r.ratios.tsOverTorch1.toFixed(2), r.ratios.tsOverTorch1Cpu.toFixed(2), r.ratios.accelOverTorch1?.toFixed(2) ?? '—', r.ratios.tsOverOrt1.toFixed(2), pct(r.agreement.tsVsTorch), pct(r.agreement.accelVsTs)];
});
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) => `| ${cells.map((text, i) => (i < 1 ? text.padEnd(widths[i]) : text.padStart(widths[i]))).join(' | ')} |`;
const blas = (info) => `${info.blas.openblas ?? info.blas.built}${info.blas.threads === undefined ? '' : `, ${info.blas.threads} BLAS thread(s)`}`;
console.log(
  `vectors/s, median of ${runs} interleaved runs after a warm-up, ±half the (max − min) spread (* past ${noisySpread * 100} % total spread); ` +
    `TS = @jointok/core dist (1 thread); accel = encodeAsync on createAcceleratedNearestSearch (ORT, 1 thread); ` +
    `torch ${torch[1].info.torch}: 1t = ${torch[1].info.threads} intra-op thread (${blas(torch[1].info)}), ${torch[2] === undefined ? '2t left out (--one-thread)' : `2t = ${torch[2].info.threads} (${blas(torch[2].info)})`}; ` +
    `${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}); node ${process.version}; load average ${loadBefore.map((v) => v.toFixed(2)).join(' ')} before, ${loadAfter.map((v) => v.toFixed(2)).join(' ')} after`,
);
console.log(line(header));
console.log(`|${widths.map((w, i) => (i < 1 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const row of rows) console.log(line(row));
for (const c of cases) console.log(`${c.label}: TS path = ${results[c.name].how}`);
const noisy = cases.flatMap((c) => Object.entries(results[c.name].measurements).filter(([, m]) => m.noisy).map(([side, m]) => `${c.name} ${side} (${Math.round(m.spread * 100)} %)`));
if (noisy.length > 0) console.log(`runs spread more than ${noisySpread * 100} % (max − min over median): ${noisy.join(', ')}`);

const resultsDir = join(here, '..', 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, 'quantizers.json'),
  `${JSON.stringify({ date: new Date().toISOString(), runs, scale, node: process.version, oneThread, torch: torch[1].info, torch2: torch[2]?.info ?? null, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverage: { before: loadBefore, after: loadAfter }, results }, null, 1)}\n`,
);
rmSync(work, { recursive: true, force: true });
