// Why FSQ `encode` is slower in Chromium than in Node (bench/quantizers/README.md, "FSQ in Chromium"):
// times the bench's FSQ [8,8,8,5,5,5] `encode` at several vector counts in Node and in headless
// Chromium (the built @jointok/core, browser entry bundled), and next to it the first write to every
// 4 KB page of a freshly allocated Int32Array as large as the codes (`fresh pages`): the part of an
// encode that is the operating system handing out memory, not computing.
//
//   node bench/quantizers/fsq-memory.mjs [--counts 100000,1000000] [--runs 12] [--chromium /usr/bin/chromium]
//
// Prints, per count and side, the median and the smallest encode time and the median fresh-page time.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import * as core from '@jointok/core';
import { normalFloats } from './random.mjs';
import { bundlePage } from '../lib/bundle-page.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: { counts: { type: 'string', default: '100000,1000000' }, runs: { type: 'string', default: '12' }, chromium: { type: 'string', default: '/usr/bin/chromium' } },
});
const counts = values.counts.split(',').map(Number);
const runs = Number(values.runs);

/** The probe, the same source in Node and in the page: `runs` encodes of `count` vectors, each followed by a fresh-page touch. */
function probe(createQuantizer, normalFloats, count, runs) {
  const quantizer = createQuantizer({ type: 'fsq', levels: [8, 8, 8, 5, 5, 5] }, {});
  const latents = { type: 'float32', dims: [1, count, 6], data: normalFloats(count * 6, 31, 1.5) };
  const encode = [];
  const freshPages = [];
  for (let r = 0; r < runs; r++) {
    let start = performance.now();
    quantizer.encode(latents);
    encode.push(performance.now() - start);
    const codes = new Int32Array(count);
    start = performance.now();
    for (let i = 0; i < codes.length; i += 1024) codes[i] = 1;
    freshPages.push(performance.now() - start);
  }
  return { encode, freshPages };
}

const work = mkdtempSync(join(tmpdir(), 'jointok-fsq-memory-'));
const entry = join(work, 'entry.mjs');
writeFileSync(
  entry,
  [
    `import { createQuantizer } from '@jointok/core';`,
    `import { normalFloats } from ${JSON.stringify(join(here, 'random.mjs'))};`,
    `const probe = ${probe.toString()};`,
    `window.fsqProbe = (count, runs) => probe(createQuantizer, normalFloats, count, runs);`,
  ].join('\n'),
);
await bundlePage(entry, work, { external: ['onnxruntime-web'] });
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (path === '/page.js') {
    response.writeHead(200, { 'content-type': 'text/javascript' });
    response.end(readFileSync(join(work, 'page.global.js')));
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><script src="/page.js"></script>');
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const browser = await chromium.launch({ executablePath: values.chromium, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
try {
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => window.fsqProbe !== undefined);
  console.log('side      vectors   encode median ms  encode min ms  fresh pages median ms (codes-sized Int32Array)');
  for (const count of counts) {
    const sides = {
      node: probe(core.createQuantizer, normalFloats, count, runs),
      chromium: await tab.evaluate(([n, r]) => window.fsqProbe(n, r), [count, runs]),
    };
    for (const [side, { encode, freshPages }] of Object.entries(sides)) {
      const cells = [side.padEnd(8), String(count).padStart(8), median(encode).toFixed(1).padStart(17), Math.min(...encode).toFixed(1).padStart(14), median(freshPages).toFixed(1).padStart(12)];
      console.log(cells.join('  '));
    }
  }
} finally {
  await browser.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
