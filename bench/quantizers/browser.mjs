// The quantizer benchmark's TypeScript paths in headless Chromium next to Node and PyTorch (1 thread),
// in one run: the same built @jointok/core (its browser entry, bundled), the same seeded inputs
// (cases.mjs), and the codes compared with Node's. In the page it also runs `encodeAsync` on the
// browser's `defaultNearestSearch()`, i.e. onnxruntime-web's WASM backend for large searches.
// Every side gets a warm-up, then the sides alternate run by run (order reversed every other round).
//
//   npm run bench:browser                          (builds core, then runs this)
//   node bench/quantizers/browser.mjs [--runs 5] [--scale 0.25] [--chromium /usr/bin/chromium] [--python /usr/bin/python3]
//
// Needs Debian's chromium (apt-get install chromium) and torch for /usr/bin/python3; nothing is
// downloaded. Prints one table (vectors/s, medians and spreads) and writes
// bench/results/quantizers-browser.json.
import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { benchCases, benchInputs, typescriptPaths } from './cases.mjs';
import { noisySpread, summarize } from './measure.mjs';
import { startTorchServer, writeTorchInputs } from './torch-server.mjs';
import { bundlePage } from '../lib/bundle-page.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', 5));
const scale = Number(option('scale', 0.25));
const executablePath = option('chromium', '/usr/bin/chromium');
const python = option('python', '/usr/bin/python3');
const log = (message) => process.stderr.write(`${message}\n`);

/** FNV-1a over the codes: equal hashes and lengths stand for equal codes without shipping them. */
function hashCodes(codes) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < codes.length; i++) hash = Math.imul(hash ^ (Number(codes[i]) & 0xffffffff), 0x01000193) >>> 0;
  return `${codes.length}:${hash.toString(16)}`;
}

/**
 * The page's work, also run in Node: `setup(bench, scale)` builds the cases and returns
 * `runOnce(name, kind)`, one timed encode (`ts`: `encode`; `async`: `encodeAsync` on the entry's
 * default search) returning its milliseconds and the codes' hash.
 */
function setup(bench, scale) {
  const cases = bench.benchCases(scale);
  const paths = bench.typescriptPaths(cases, bench.benchInputs(cases));
  return {
    cases: cases.map((c) => ({ name: c.name, count: c.count, hasAsync: paths[c.name].quantizer.encodeSteps !== undefined })),
    async runOnce(name, kind) {
      const { run, quantizer, latents } = paths[name];
      const start = performance.now();
      const codes = kind === 'ts' ? await run() : (await quantizer.encodeAsync(latents)).data;
      return { ms: performance.now() - start, hash: bench.hashCodes(codes) };
    },
  };
}

// 1. Bundle the page: cases.mjs and @jointok/core's browser entry (with onnxruntime-web) in one script.
const work = mkdtempSync(join(tmpdir(), 'jointok-browser-bench-'));
const entry = join(work, 'entry.mjs');
writeFileSync(
  entry,
  [
    `import * as ort from 'onnxruntime-web';`,
    `import { benchCases, benchInputs, typescriptPaths } from ${JSON.stringify(join(here, 'cases.mjs'))};`,
    `import { defaultNearestSearch } from '@jointok/core';`,
    // The page serves onnxruntime-web's .wasm files under /ort/; one WASM thread, as the TS path.
    `ort.env.wasm.wasmPaths = '/ort/';`,
    `ort.env.wasm.numThreads = 1;`,
    `const hashCodes = ${hashCodes.toString()};`,
    `const setup = ${setup.toString()};`,
    `window.jointokBench = { defaultNearestSearch, start: (scale) => { window.jointokRun = setup({ benchCases, benchInputs, typescriptPaths, hashCodes }, scale); return window.jointokRun.cases; } };`,
  ].join('\n'),
);
log('bundling the page');
await bundlePage(entry, work);

// 2. Serve it, with onnxruntime-web's WASM files.
const ortDist = join(root, 'node_modules/onnxruntime-web/dist');
const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  const file = path === '/' ? join(work, 'index.html') : path === '/page.js' ? join(work, 'page.global.js') : path.startsWith('/ort/') ? join(ortDist, path.slice(5)) : undefined;
  if (file === undefined || (path.startsWith('/ort/') && !file.startsWith(ortDist))) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).on('error', () => response.destroy()).pipe(response);
});
writeFileSync(join(work, 'index.html'), '<!doctype html><meta charset="utf-8"><script src="/page.js"></script>');
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const torchDir = mkdtempSync(join(tmpdir(), 'jointok-browser-bench-torch-'));
const loadBefore = loadavg();
try {
  // 3. Chromium, Node and torch (1 thread), interleaved: a warm-up of each, then `runs` rounds.
  log(`chromium (${executablePath}), scale ${scale}, warm-up + ${runs} interleaved rounds; load average ${loadBefore.map((v) => v.toFixed(2)).join(' ')}`);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-default-apps'],
  });
  const page = await browser.newPage();
  await page.goto(origin);
  const version = browser.version();
  const cases = await page.evaluate((scale) => window.jointokBench.start(scale), scale);
  const inNode = setup({ benchCases, benchInputs, typescriptPaths, hashCodes }, scale);
  writeTorchInputs(benchInputs(benchCases(scale)), torchDir);
  const torch = await startTorchServer(python, join(here, 'torch_side.py'), torchDir, 1);
  const sides = {};
  for (const c of cases) {
    sides[c.name] = {
      chromium: () => page.evaluate(({ name }) => window.jointokRun.runOnce(name, 'ts'), { name: c.name }),
      ...(c.hasAsync ? { chromiumAsync: () => page.evaluate(({ name }) => window.jointokRun.runOnce(name, 'async'), { name: c.name }) } : {}),
      torch1: async () => ({ ms: (await torch.time(c.name)).seconds * 1000 }),
      node: () => inNode.runOnce(c.name, 'ts'),
    };
  }
  const hashes = {};
  const times = {};
  for (const c of cases) {
    log(`warm-up ${c.name}`);
    times[c.name] = {};
    for (const [side, fn] of Object.entries(sides[c.name])) {
      hashes[`${side}:${c.name}`] = (await fn()).hash;
      times[c.name][side] = [];
    }
  }
  for (let round = 0; round < runs; round++) {
    log(`round ${round + 1}/${runs}`);
    for (const c of cases) {
      const order = Object.keys(sides[c.name]);
      if (round % 2 === 1) order.reverse();
      for (const side of order) times[c.name][side].push((await sides[c.name][side]()).ms / 1000);
    }
  }
  const usage = await page.evaluate(() => ({ ...window.jointokBench.defaultNearestSearch().usage }));
  torch.close();
  await browser.close();
  const loadAfter = loadavg();

  const format = (v) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)}k` : v.toFixed(0));
  const cell = (m) => (m === undefined ? '—' : `${format(m.vectorsPerSecond)} ±${Math.round(m.spread * 50)}%${m.noisy ? '*' : ''}`);
  console.log(
    `vectors/s, median of ${runs} interleaved runs after a warm-up, ±half the (max − min) spread (* past ${noisySpread * 100} % total spread); ` +
      `Chromium ${version} headless; node ${process.version}; torch ${torch.info.torch}, ${torch.info.threads} thread (${torch.info.blas.openblas ?? torch.info.blas.built}, ${torch.info.blas.threads ?? '?'} BLAS thread(s)); scale ${scale}; ` +
      `load average ${loadBefore.map((v) => v.toFixed(2)).join(' ')} before, ${loadAfter.map((v) => v.toFixed(2)).join(' ')} after`,
  );
  console.log('| operation | vectors | Node TS | Chromium TS | torch 1t | Node/torch | Chromium/torch | Chromium/Node | Chromium encodeAsync (browser default search) | same codes TS | same codes async |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
  const rows = [];
  for (const c of cases) {
    const m = Object.fromEntries(Object.entries(times[c.name]).map(([side, seconds]) => {
      const summary = summarize(seconds);
      return [side, { ...summary, vectorsPerSecond: c.count / summary.median }];
    }));
    const row = {
      name: c.name,
      vectors: c.count,
      measurements: m,
      node: m.node.vectorsPerSecond,
      chromium: m.chromium.vectorsPerSecond,
      chromiumAsync: m.chromiumAsync?.vectorsPerSecond ?? null,
      torch1: m.torch1.vectorsPerSecond,
      sameCodes: hashes[`node:${c.name}`] === hashes[`chromium:${c.name}`],
      sameAsyncCodes: m.chromiumAsync ? hashes[`chromiumAsync:${c.name}`] === hashes[`node:${c.name}`] : null,
    };
    rows.push(row);
    const asyncSame = row.sameAsyncCodes === null ? '—' : String(row.sameAsyncCodes);
    console.log(
      `| ${c.name} | ${c.count} | ${cell(m.node)} | ${cell(m.chromium)} | ${cell(m.torch1)} | ${(row.node / row.torch1).toFixed(2)} | ${(row.chromium / row.torch1).toFixed(2)} | ${(row.chromium / row.node).toFixed(2)} | ${cell(m.chromiumAsync)} | ${row.sameCodes} | ${asyncSame} |`,
    );
  }
  console.log(`Chromium defaultNearestSearch usage: ${JSON.stringify(usage)}`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    join(root, 'bench/results/quantizers-browser.json'),
    JSON.stringify({ chromium: version, node: process.version, torch: torch.info, runs, scale, loadAverage: { before: loadBefore, after: loadAfter }, rows, usage }, null, 2),
  );
  if (rows.some((r) => !r.sameCodes || r.sameAsyncCodes === false)) {
    log('codes differ between Node and Chromium');
    process.exitCode = 1;
  }
} finally {
  server.close();
  rmSync(work, { recursive: true, force: true });
  rmSync(torchDir, { recursive: true, force: true });
}
