#!/usr/bin/env node
// @jointok/image against Pillow (+ torchvision / numpy for the tensor steps), in one run, on the same
// files: decoding and the LlamaGen / Chameleon preprocessing recipes. Each case runs 2 warm-up
// iterations, then --runs timed ones (default 7), and takes the median. The two sides alternate
// --rounds times (default 3) so that load from other processes hits both; reported are the medians
// over rounds of each side's time and of the per-round ratio Pillow time / jointok time (above 1:
// jointok is faster), and whether the outputs are identical.
//
//   npm run bench:image -- [--runs 7] [--rounds 3] [--out bench/image/results.json]
//
// Input: the committed astronaut crop upscaled by Pillow (LANCZOS) to 1024x819, saved as PNG and as
// JPEG (quality 90, 4:2:0) in a temporary folder.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPreprocessor, readImage, resize } from '@jointok/image';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('runs', '7'));
const rounds = Number(arg('rounds', '3'));
const out = arg('out', join(here, 'results.json'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const digest = (array) => createHash('sha256').update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)).digest('hex');

const dir = mkdtempSync(join(tmpdir(), 'jointok-bench-image-'));
const photo = join(root, 'packages', 'image', 'src', '__fixtures__', 'photos', 'astronaut-160x128.png');
execFileSync('/usr/bin/python3', ['-c', `
from PIL import Image
im = Image.open(${JSON.stringify(photo)}).convert('RGB').resize((1024, 819), Image.LANCZOS)
im.save(${JSON.stringify(join(dir, 'photo.png'))})
im.save(${JSON.stringify(join(dir, 'photo.jpg'))}, quality=90)
`]);
const files = { png: readFileSync(join(dir, 'photo.png')), jpeg: readFileSync(join(dir, 'photo.jpg')) };
const half = [0.5, 0.5, 0.5];
const llamagen = createPreprocessor([{ type: 'center-crop-arr', size: 256 }, { type: 'to-tensor', mean: half, std: half }]);
const chameleon = createPreprocessor([
  { type: 'composite-alpha' },
  { type: 'resize-short-side', size: 512, filter: 'lanczos', rounding: 'round' },
  { type: 'center-crop', width: 512, height: 512, offsets: 'floor' },
  { type: 'to-tensor', mean: half, std: half, arithmetic: 'float64' },
]);
const decoded = await readImage(files.png);
const cases = {
  'decode png': async () => (await readImage(files.png)).data,
  'decode jpeg': async () => (await readImage(files.jpeg)).data,
  'jpeg + llamagen 256': async () => llamagen.run(await readImage(files.jpeg)).tensor.data,
  'jpeg + chameleon 512': async () => chameleon.run(await readImage(files.jpeg, { alpha: 'keep' })).tensor.data,
  'resize bicubic 1/4': async () => resize(decoded, { width: decoded.width >> 2, height: decoded.height >> 2, filter: 'bicubic' }).data,
  'resize lanczos x1.5': async () => resize(decoded, { width: (decoded.width * 3) >> 1, height: (decoded.height * 3) >> 1, filter: 'lanczos' }).data,
};

async function measureOurs() {
  const result = {};
  for (const [name, run] of Object.entries(cases)) {
    let output;
    for (let i = 0; i < 2; i++) output = await run();
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      output = await run();
      times.push(performance.now() - start);
    }
    result[name] = { ms: median(times), sha256: digest(output) };
  }
  return result;
}
const measurePillow = () =>
  JSON.parse(execFileSync('/usr/bin/python3', [join(here, 'pillow_peer.py'), dir, String(runs)], { encoding: 'utf8' }).trim().split('\n').pop());

const perRound = [];
for (let round = 0; round < rounds; round++) {
  process.stderr.write(`round ${round + 1}/${rounds}\n`);
  perRound.push({ ours: await measureOurs(), pillow: measurePillow() });
}
const ours = {};
const pillow = {};
const ratios = {};
for (const name of Object.keys(cases)) {
  ours[name] = { ms: median(perRound.map((r) => r.ours[name].ms)), sha256: perRound[0].ours[name].sha256 };
  pillow[name] = { ms: median(perRound.map((r) => r.pillow[name].ms)), sha256: perRound[0].pillow[name].sha256 };
  ratios[name] = median(perRound.map((r) => r.pillow[name].ms / r.ours[name].ms));
}

const rows = Object.keys(cases).map((name) => ({
  case: name,
  jointokMs: Number(ours[name].ms.toFixed(2)),
  pillowMs: Number(pillow[name].ms.toFixed(2)),
  ratio: Number(ratios[name].toFixed(2)),
  identical: ours[name].sha256 === pillow[name].sha256,
}));
console.log('| case (1024x819 input) | jointok ms | Pillow ms | Pillow / jointok | identical output |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.case} | ${r.jointokMs} | ${r.pillowMs} | ${r.ratio} | ${r.identical ? 'yes' : 'no'} |`);
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, runs, rounds, rows }, null, 1)}\n`);
