// @jointok/image's browser build in headless Chromium next to Node, in one run: every decoder fixture
// and sample photo is read from bytes in the page (fflate inflate, @jsquash/jpeg's WASM located by
// its own `new URL(..., import.meta.url)` after bundling) and in Node; the decoded pixels (RGB and
// RGBA) and the LlamaGen / Chameleon recipe tensors must hash the same (Node's equal Pillow's: see
// the package tests). Also times decoding the 1024x819 benchmark photo in both.
//
//   npm run bench:image:browser        (builds the package, then runs this)
//   node bench/image/browser.mjs [--runs 7] [--chromium /usr/bin/chromium]
//
// Needs Debian's chromium (apt-get install chromium); nothing is downloaded.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import * as image from '@jointok/image';
import { bundlePage } from '../lib/bundle-page.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', 7));
const executablePath = option('chromium', '/usr/bin/chromium');
const log = (message) => process.stderr.write(`${message}\n`);

const fixtures = join(root, 'packages/image/src/codecs/__fixtures__/files');
const photos = join(root, 'packages/image/src/__fixtures__/photos');
const files = [
  ...readdirSync(fixtures).map((name) => ({ name, path: join(fixtures, name) })),
  ...readdirSync(photos).filter((n) => /\.(png|jpg)$/.test(n)).map((name) => ({ name: `photos/${name}`, path: join(photos, name) })),
];
const work = mkdtempSync(join(tmpdir(), 'jointok-image-browser-'));
execFileSync('/usr/bin/python3', ['-c', `
from PIL import Image
im = Image.open(${JSON.stringify(join(photos, 'astronaut-160x128.png'))}).convert('RGB').resize((1024, 819), Image.LANCZOS)
im.save(${JSON.stringify(join(work, 'photo.png'))}); im.save(${JSON.stringify(join(work, 'photo.jpg'))}, quality=90)
`]);

/** The page's and Node's work: decode every file (RGB, RGBA), run two recipes, time the big photo. */
async function decodeAll(api, inputs, big, runs, hash) {
  const half = [0.5, 0.5, 0.5];
  const llamagen = api.createPreprocessor([{ type: 'center-crop-arr', size: 48 }, { type: 'to-tensor', mean: half, std: half }]);
  const chameleon = api.createPreprocessor([
    { type: 'composite-alpha' },
    { type: 'resize-short-side', size: 40, filter: 'lanczos' },
    { type: 'center-crop', width: 40, height: 40 },
    { type: 'to-tensor', mean: half, std: half, arithmetic: 'float64' },
  ]);
  const results = {};
  for (const { name, bytes } of inputs) {
    try {
      const rgb = await api.readImage(bytes);
      const rgba = await api.readImage(bytes, { alpha: 'keep' });
      const entry = { rgb: await hash(rgb.data), rgba: await hash(rgba.data) };
      if (name.startsWith('photos/')) {
        entry.llamagen = await hash(llamagen.run(rgb).tensor.data);
        entry.chameleon = await hash(chameleon.run(rgba).tensor.data);
      }
      results[name] = entry;
    } catch (error) {
      results[name] = { error: String(error?.code ?? error) };
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
  const timings = {};
  for (const [name, bytes] of Object.entries(big)) {
    for (let i = 0; i < 2; i++) await api.readImage(bytes);
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await api.readImage(bytes);
      times.push(performance.now() - start);
    }
    timings[name] = median(times);
  }
  return { results, timings };
}

// 1. Bundle the page (ES module, so @jsquash/jpeg finds its .wasm next to the bundle via import.meta.url).
const entry = join(work, 'entry.mjs');
writeFileSync(entry, [`import * as api from '@jointok/image';`, `window.jointok = { api, decodeAll: ${decodeAll.toString()} };`].join('\n'));
log('bundling the page');
await bundlePage(entry, work, { format: 'esm' });

// 2. Serve the page, the bundle, the decoder's .wasm and the input files.
const wasm = createRequire(import.meta.url).resolve('@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm');
const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const routes = new Map([
  ['/', join(work, 'index.html')],
  ['/page.mjs', join(work, 'page.js')],
  ['/mozjpeg_dec.wasm', wasm],
  ['/big/photo.png', join(work, 'photo.png')],
  ['/big/photo.jpg', join(work, 'photo.jpg')],
  ...files.map((f) => [`/files/${f.name}`, f.path]),
]);
const server = createServer((request, response) => {
  const file = routes.get(decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
  if (file === undefined) return void response.writeHead(404).end();
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).on('error', () => response.destroy()).pipe(response);
});
writeFileSync(join(work, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="/page.mjs"></script>');
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

try {
  log(`chromium (${executablePath})`);
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
  const page = await browser.newPage();
  await page.goto(origin);
  await page.waitForFunction(() => window.jointok !== undefined);
  const inBrowser = await page.evaluate(
    async ({ names, runs }) => {
      const load = async (path) => new Uint8Array(await (await fetch(path)).arrayBuffer());
      const inputs = [];
      for (const name of names) inputs.push({ name, bytes: await load(`/files/${name}`) });
      const big = { png: await load('/big/photo.png'), jpeg: await load('/big/photo.jpg') };
      const hash = async (data) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', data))].map((b) => b.toString(16).padStart(2, '0')).join('');
      return window.jointok.decodeAll(window.jointok.api, inputs, big, runs, hash);
    },
    { names: files.map((f) => f.name), runs },
  );
  // DOM sources (the browser's own PNG decoder): an ImageBitmap and an <img> of lossless PNGs must give
  // the bytes the package decodes.
  const domSources = await page.evaluate(async (names) => {
    const out = {};
    for (const name of names) {
      const bytes = new Uint8Array(await (await fetch(`/files/${name}`)).arrayBuffer());
      const reference = await window.jointok.api.readImage(bytes);
      const same = (image) => image.width === reference.width && image.data.every((v, i) => v === reference.data[i]);
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const element = new Image();
      element.src = URL.createObjectURL(new Blob([bytes], { type: 'image/png' }));
      await element.decode();
      out[name] = { imageBitmap: same(await window.jointok.api.readImage(bitmap)), imageElement: same(await window.jointok.api.readImage(element)) };
    }
    return out;
  }, ['rgb8.png', 'photos/astronaut-160x128.png', 'photos/chelsea-151x100.png']);
  const version = browser.version();
  await browser.close();

  log('node');
  const hash = async (data) => createHash('sha256').update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)).digest('hex');
  const inputs = files.map((f) => ({ name: f.name, bytes: new Uint8Array(readFileSync(f.path)) }));
  const big = { png: new Uint8Array(readFileSync(join(work, 'photo.png'))), jpeg: new Uint8Array(readFileSync(join(work, 'photo.jpg'))) };
  const inNode = await decodeAll(image, inputs, big, runs, hash);

  const differing = files.map((f) => f.name).filter((name) => JSON.stringify(inBrowser.results[name]) !== JSON.stringify(inNode.results[name]));
  const errors = Object.entries(inBrowser.results).filter(([, r]) => r.error).map(([name, r]) => `${name}: ${r.error}`);
  console.log(`Chromium ${version} headless, node ${process.version}: ${files.length} files, ${files.length - differing.length} decoded identically (RGB, RGBA, recipe tensors)`);
  if (errors.length > 0) console.log(`errors in the browser: ${errors.join('; ')}`);
  console.log(`DOM sources equal to the package's decoding: ${JSON.stringify(domSources)}`);
  console.log('| decode 1024x819 | Node ms | Chromium ms |');
  console.log('|---|---:|---:|');
  for (const name of Object.keys(big)) console.log(`| ${name} | ${inNode.timings[name].toFixed(1)} | ${inBrowser.timings[name].toFixed(1)} |`);
  if (Object.values(domSources).some((r) => !r.imageBitmap || !r.imageElement)) process.exitCode = 1;
  if (differing.length > 0) {
    console.log(`differing: ${differing.join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  server.close();
  rmSync(work, { recursive: true, force: true });
}
