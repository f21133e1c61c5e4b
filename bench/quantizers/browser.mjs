// The quantizer benchmark's TypeScript paths in headless Chromium next to Node, in one run: the same
// built @jointok/core (its browser entry, bundled), the same seeded inputs (cases.mjs), and the codes
// compared with Node's. In the page it also runs `encodeAsync` on the browser's
// `defaultNearestSearch()`, i.e. onnxruntime-web's WASM backend for large searches.
//
//   npm run bench:browser                          (builds core, then runs this)
//   node bench/quantizers/browser.mjs [--runs 5] [--scale 0.25] [--chromium /usr/bin/chromium]
//
// Needs Debian's chromium (apt-get install chromium); nothing is downloaded. Prints one table
// (vectors/s, medians) and writes bench/results/quantizers-browser.json.
import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'tsup';
import { benchCases, benchInputs, typescriptPaths } from './cases.mjs';

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
const log = (message) => process.stderr.write(`${message}\n`);

/** FNV-1a over the codes: equal hashes and lengths stand for equal codes without shipping them. */
function hashCodes(codes) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < codes.length; i++) hash = Math.imul(hash ^ (Number(codes[i]) & 0xffffffff), 0x01000193) >>> 0;
  return `${codes.length}:${hash.toString(16)}`;
}

/** The page's work, also run in Node: warm-up, then `runs` timed encodes per case. */
async function measureAll(bench, runs, scale, withAsync) {
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
  const cases = bench.benchCases(scale);
  const inputs = bench.benchInputs(cases);
  const paths = bench.typescriptPaths(cases, inputs);
  const results = {};
  for (const c of cases) {
    const { run, quantizer, latents } = paths[c.name];
    const codes = await run();
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
    const entry = { vectors: c.count, hash: bench.hashCodes(codes), seconds: median(times) / 1000 };
    if (withAsync && quantizer.encodeSteps !== undefined) {
      const encodeAsync = async () => quantizer.encodeAsync(latents);
      const asyncCodes = (await encodeAsync()).data;
      const asyncTimes = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await encodeAsync();
        asyncTimes.push(performance.now() - start);
      }
      entry.async = { hash: bench.hashCodes(asyncCodes), seconds: median(asyncTimes) / 1000 };
    }
    results[c.name] = entry;
  }
  return results;
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
    `window.jointokBench = { benchCases, benchInputs, typescriptPaths, defaultNearestSearch, hashCodes: ${hashCodes.toString()}, measureAll: ${measureAll.toString()} };`,
  ].join('\n'),
);
log('bundling the page');
await build({
  entry: { page: entry },
  outDir: work,
  format: ['iife'],
  platform: 'browser',
  noExternal: [/.*/],
  config: false,
  dts: false,
  silent: true,
  esbuildOptions(options) {
    options.conditions = ['browser'];
    options.nodePaths = [join(root, 'node_modules')];
  },
});

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

try {
  // 3. Chromium.
  log(`chromium (${executablePath}), scale ${scale}, ${runs} runs`);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-default-apps'],
  });
  const page = await browser.newPage();
  await page.goto(origin);
  const version = browser.version();
  const inBrowser = await page.evaluate(
    async ({ runs, scale }) => {
      const bench = window.jointokBench;
      const results = await bench.measureAll(bench, runs, scale, true);
      return { results, usage: { ...bench.defaultNearestSearch().usage } };
    },
    { runs, scale },
  );
  await browser.close();

  // 4. The same in Node (the built core's Node entry).
  log('node');
  const inNode = await measureAll({ benchCases, benchInputs, typescriptPaths, hashCodes }, runs, scale, false);

  const format = (v) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)}k` : v.toFixed(0));
  console.log(`vectors/s, median of ${runs}; Chromium ${version} headless; node ${process.version}; scale ${scale}`);
  console.log('| operation | vectors | Node TS | Chromium TS | Chromium/Node | Chromium encodeAsync (ORT-web) | same codes TS | same codes async |');
  console.log('|---|---:|---:|---:|---:|---:|---|---|');
  const rows = [];
  for (const c of benchCases(scale)) {
    const node = inNode[c.name];
    const web = inBrowser.results[c.name];
    const row = {
      name: c.name,
      vectors: c.count,
      node: c.count / node.seconds,
      chromium: c.count / web.seconds,
      chromiumAsync: web.async ? c.count / web.async.seconds : null,
      sameCodes: node.hash === web.hash,
      sameAsyncCodes: web.async ? web.async.hash === node.hash : null,
    };
    rows.push(row);
    const asyncCell = row.chromiumAsync === null ? '—' : format(row.chromiumAsync);
    const asyncSame = row.sameAsyncCodes === null ? '—' : String(row.sameAsyncCodes);
    console.log(`| ${c.label} | ${c.count} | ${format(row.node)} | ${format(row.chromium)} | ${(row.chromium / row.node).toFixed(2)} | ${asyncCell} | ${row.sameCodes} | ${asyncSame} |`);
  }
  console.log(`Chromium defaultNearestSearch usage: ${JSON.stringify(inBrowser.usage)}`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/quantizers-browser.json'), JSON.stringify({ chromium: version, node: process.version, runs, scale, rows, usage: inBrowser.usage }, null, 2));
  if (rows.some((r) => !r.sameCodes || r.sameAsyncCodes === false)) {
    log('codes differ between Node and Chromium');
    process.exitCode = 1;
  }
} finally {
  server.close();
  rmSync(work, { recursive: true, force: true });
}
