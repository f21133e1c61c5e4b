#!/usr/bin/env node
// Cosmos DI (DI16x16, DI8x8), Open-MAGVIT2 (imagenet_256_L), Chameleon's VQGAN and TiTok-S-128 with
// full-size random weights: ONNX encode
// (encoder.onnx + @jointok/core's quantizer) and decode (decoder.onnx) in onnxruntime-node against PyTorch
// eager (network + the reference quantizer) at the same thread count, on one 256x256 input. Medians of
// --runs timed runs after one warm-up; the ratio is PyTorch time / ONNX time (above 1: ONNX is faster).
// Also reports whether the codes are equal (random weights: parity evidence only).
//
//   npm run build && node bench/image/families.mjs [--runs 3] [--threads 1] [--models /tmp/jointok-bench-families] [--only chameleon,titok-s128]
//
// The first run exports the models (about 2 GB of ONNX in --models; minutes). With --only, the other rows of
// families-results.json are kept from their earlier run (each row records its runs and threads).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createQuantizer, readSafetensors } from '@jointok/core';
import * as ort from 'onnxruntime-node';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('runs', '3'));
const threads = Number(arg('threads', '1'));
const models = arg('models', '/tmp/jointok-bench-families');
const only = arg('only', undefined);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const torchResults = JSON.parse(execFileSync('/usr/bin/python3', [join(here, 'families_torch.py'), models, String(runs), String(threads), ...(only ? [only] : [])], {
  encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'ignore'],
}).trim().split('\n').at(-1));
const bytes = readFileSync(join(models, 'input.f32'));
const input = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));

async function timed(fn) {
  await fn();
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await fn();
    times.push(performance.now() - start);
  }
  return [median(times), result];
}

const rows = [];
for (const [name, reference] of Object.entries(torchResults)) {
  const folder = join(models, name);
  const manifest = JSON.parse(readFileSync(join(folder, 'jointok.json'), 'utf8'));
  const options = { intraOpNumThreads: threads, interOpNumThreads: 1 };
  const encoder = await ort.InferenceSession.create(join(folder, 'encoder.onnx'), options);
  const decoder = await ort.InferenceSession.create(join(folder, 'decoder.onnx'), options);
  // VQ families keep their codebook in the file of role "quantizer"; FSQ and LFQ have no weights.
  const weightsFile = manifest.files.find((f) => f.role === 'quantizer');
  const weights = weightsFile ? Object.fromEntries(readSafetensors(new Uint8Array(readFileSync(join(folder, weightsFile.path)))).tensors) : {};
  const quantizer = createQuantizer(manifest.quantizer, weights);
  const [encodeMs, codes] = await timed(async () => {
    const { latents } = await encoder.run({ pixel_values: new ort.Tensor('float32', input, [1, 3, 256, 256]) });
    return quantizer.encode({ type: 'float32', dims: [...latents.dims], data: latents.data });
  });
  const quantized = quantizer.decode(codes);
  const [decodeMs] = await timed(() => decoder.run({ quantized_latents: new ort.Tensor('float32', quantized.data, quantized.dims) }));
  let equal = 0;
  for (let i = 0; i < reference.codes.length; i++) if (Number(codes.data[i]) === reference.codes[i]) equal++;
  rows.push({ model: name, tokens: reference.codes.length, runs, threads, onnxEncodeMs: encodeMs, torchEncodeMs: reference.encodeMs, encodeRatio: reference.encodeMs / encodeMs,
    onnxDecodeMs: decodeMs, torchDecodeMs: reference.decodeMs, decodeRatio: reference.decodeMs / decodeMs, codesEqual: `${equal}/${reference.codes.length}` });
  await encoder.release();
  await decoder.release();
}
console.table(rows.map((r) => ({ ...r, onnxEncodeMs: r.onnxEncodeMs.toFixed(0), torchEncodeMs: r.torchEncodeMs.toFixed(0), encodeRatio: r.encodeRatio.toFixed(2),
  onnxDecodeMs: r.onnxDecodeMs.toFixed(0), torchDecodeMs: r.torchDecodeMs.toFixed(0), decodeRatio: r.decodeRatio.toFixed(2) })));
const resultsFile = join(here, 'families-results.json');
const earlier = only && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { rows: [] };
const kept = earlier.rows.filter((r) => !rows.some((n) => n.model === r.model)).map((r) => ({ runs: earlier.runs, threads: earlier.threads, ...r }));
writeFileSync(resultsFile, `${JSON.stringify({ rows: [...kept, ...rows] }, null, 1)}\n`);
