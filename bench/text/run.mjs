#!/usr/bin/env node
// @jointok/text against its peers, in one run, on one corpus. Each measurement runs in a fresh
// child process (worker.mjs) so that "first pass" means a fresh instance meeting the text for the
// first time; the median of several processes is reported. Prints a table and writes JSON.
//
//   npm run bench:text -- [--scale 5] [--runs 3] [--repeats 5] [--peers jointok,tiktoken,...] [--out file.json]
//
// The corpus is tools/text/build-corpus.mjs at --scale (default 5, ~2.6 MB of UTF-8), built into a
// temporary folder. Ids are checked against tiktoken's; "ok" means identical on every document.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { BUNDLE_ENTRIES, PEERS } from './peers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const scale = Number(arg('scale', '5'));
const runs = Number(arg('runs', '3'));
const repeats = Number(arg('repeats', '5'));
const peers = arg('peers', Object.keys(PEERS).join(',')).split(',');
const encodings = arg('encodings', 'o200k_base,cl100k_base').split(',');
const out = arg('out', join(root, 'bench', 'text', 'results.json'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'jointok-bench-text-'));
const corpus = join(dir, 'corpus.json');
execFileSync(process.execPath, [join(root, 'tools', 'text', 'build-corpus.mjs'), corpus, '--scale', String(scale)], { stdio: 'inherit' });

// One fresh process per (peer, mode) measurement. Runs are interleaved — run 1 of every peer, then
// run 2 of every peer, ... — so that a change in the machine's load mid-benchmark falls on all peers
// alike rather than on whichever happened to run then.
const once = (peer, encoding, mode) => {
  const line = execFileSync(process.execPath, ['--max-old-space-size=4096', join(here, 'worker.mjs'), peer, encoding, mode, corpus, String(repeats)], {
    cwd: here,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(line.trim().split('\n').pop());
};
const KEYS = ['firstMBs', 'repeatedMBs', 'decodeMBs', 'coldMs', 'maxRssMB'];
const summarise = (results) => {
  const summary = { ...results[0], spread: {} };
  for (const key of KEYS) {
    const values = results.map((r) => r[key]).filter((v) => v !== undefined);
    if (values.length === 0) continue;
    summary[key] = median(values);
    summary.spread[key] = [Math.min(...values), Math.max(...values)];
  }
  return summary;
};

const rows = [];
const loads = [];
for (const encoding of encodings) {
  const raw = Object.fromEntries(peers.map((peer) => [peer, { doc: [], whole: [], cold: [] }]));
  for (let run = 0; run < runs; run++) {
    loads.push(loadavg()[0]);
    for (const peer of peers) {
      process.stderr.write(`${encoding} ${peer} run ${run + 1}/${runs} (load ${loadavg()[0].toFixed(2)})\n`);
      for (const mode of ['doc', 'whole', 'cold']) raw[peer][mode].push(once(peer, encoding, mode));
    }
  }
  for (const peer of peers) rows.push({ encoding, peer, doc: summarise(raw[peer].doc), whole: summarise(raw[peer].whole), cold: summarise(raw[peer].cold) });
}

// Correctness: identical id checksums and token counts to tiktoken's, per mode.
for (const row of rows) {
  const ref = rows.find((r) => r.encoding === row.encoding && r.peer === 'tiktoken');
  row.correct = ref ? row.doc.hash === ref.doc.hash && row.doc.tokens === ref.doc.tokens && row.whole.hash === ref.whole.hash : null;
}

// o200k bundle: esbuild, minified, gzip.
const bundles = {};
try {
  const esbuild = await import('esbuild');
  for (const [peer, source] of Object.entries(BUNDLE_ENTRIES)) {
    if (!peers.includes(peer)) continue;
    const result = await esbuild.build({ stdin: { contents: source, resolveDir: here, loader: 'js' }, bundle: true, minify: true, write: false, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], logLevel: 'silent' });
    const code = result.outputFiles.map((f) => f.contents).reduce((a, b) => Buffer.concat([a, b]), Buffer.alloc(0));
    bundles[peer] = { minifiedBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
  }
} catch (error) {
  process.stderr.write(`bundle sizes skipped: ${error.message}\n`);
}

const fmt = (x, d = 1) => (x === undefined ? '-' : x.toFixed(d));
const lines = [];
lines.push(`corpus: scale ${scale}, ${(rows[0]?.doc.bytes / 1e6).toFixed(2)} MB UTF-8, ${runs} processes per cell (median, [min–max] of first-pass), interleaved, ${repeats} repeated passes; node ${process.version}; 1-minute load average ${median(loads).toFixed(2)} (median; ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}) on ${cpus().length} CPUs`);
lines.push('');
lines.push('| encoding | library | ids | first-pass MB/s (per doc) | first-pass MB/s (whole) | repeated MB/s (per doc) | repeated MB/s (whole) | decode MB/s | cold start ms | peak RSS MB (cold) | peak RSS MB (doc run) |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const range = (cell) => (cell.spread?.firstMBs ? ` [${fmt(cell.spread.firstMBs[0])}–${fmt(cell.spread.firstMBs[1])}]` : '');
  lines.push(`| ${r.encoding} | ${r.peer} | ${r.correct === null ? '?' : r.correct ? 'ok' : 'DIFFER'} | ${fmt(r.doc.firstMBs)}${range(r.doc)} | ${fmt(r.whole.firstMBs)}${range(r.whole)} | ${fmt(r.doc.repeatedMBs)} | ${fmt(r.whole.repeatedMBs)} | ${fmt(r.doc.decodeMBs)} | ${fmt(r.cold.coldMs, 0)} | ${fmt(r.cold.maxRssMB, 0)} | ${fmt(r.doc.maxRssMB, 0)} |`);
}
lines.push('');
const ratios = [];
for (const encoding of encodings) {
  const ours = rows.find((r) => r.encoding === encoding && r.peer === 'jointok');
  if (!ours) continue;
  const others = rows.filter((r) => r.encoding === encoding && r.peer !== 'jointok');
  const best = (list, pick) => list.reduce((a, b) => (pick(b) > pick(a) ? b : a), list[0]);
  const correct = others.filter((r) => r.correct);
  for (const [label, pick, pool] of [
    ['first-pass per doc vs fastest correct peer', (r) => r.doc.firstMBs, correct],
    ['first-pass whole vs fastest correct peer', (r) => r.whole.firstMBs, correct],
    ['repeated per doc vs fastest peer (any)', (r) => r.doc.repeatedMBs, others],
    ['repeated per doc vs fastest correct peer', (r) => r.doc.repeatedMBs, correct],
    ['first-pass per doc vs fastest peer (any)', (r) => r.doc.firstMBs, others],
  ]) {
    if (pool.length === 0) continue;
    const peer = best(pool, pick);
    ratios.push({ encoding, label, peer: peer.peer, ratio: pick(ours) / pick(peer) });
    lines.push(`${encoding}: ${label} (${peer.peer}): ${fmt(pick(ours) / pick(peer), 2)}x`);
  }
}
if (Object.keys(bundles).length) {
  lines.push('');
  lines.push('o200k bundle (esbuild --minify, gzip -9):');
  for (const [peer, b] of Object.entries(bundles)) lines.push(`  ${peer}: ${(b.minifiedBytes / 1024).toFixed(0)} KiB minified, ${(b.gzipBytes / 1024).toFixed(0)} KiB gzip`);
}
console.log(lines.join('\n'));
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, loadAverage: { median: median(loads), min: Math.min(...loads), max: Math.max(...loads) }, scale, runs, repeats, rows, ratios, bundles }, null, 2)}\n`);
console.log(`\nwrote ${out}`);
