// Cosmos DV8x16x16 at full size (random weights): the exported ONNX graphs in onnxruntime-node with
// @jointok/core's fsq quantizer, side by side with PyTorch eager on CPU at the same thread count, in one run.
//
//   npx turbo run build --filter=@jointok/video && node bench/video/cosmos-dv.mjs [--runs 3] [--rounds 2] [--threads 1] [--dir DIR]
//
// The first run builds the published architecture (112M parameters) with seeded random weights in DIR
// (default <tmp>/jointok-bench-cosmos-dv) through tools/export/cosmos_dv.py (cosmos_dv_torch.py build), and an
// input of 17 frames (one Cosmos window) at 128x128 from the committed clip. Each round measures, as medians of
// --runs runs after a warm-up, jointok then torch:
//   encode  jointok: encoder.onnx, then the manifest's fsq quantizer (encodeAsync)
//           torch:   encoder + quant_conv, then Cosmos' FSQ arithmetic
//   decode  jointok: fsq decode (bfloat16 values), then decoder.onnx
//           torch:   FSQ values, post_quant_conv + decoder
// and reports frames per second and the ratio torch ms / jointok ms (median over rounds), the machine's load
// average before and after, and whether jointok's codes equal torch's. Writes bench/video/results.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createQuantizer } from '@jointok/core';
import * as ort from 'onnxruntime-node';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', 3));
const rounds = Number(option('rounds', 2));
const threads = Number(option('threads', 1));
const dir = option('dir', join(tmpdir(), 'jointok-bench-cosmos-dv'));
const python = option('python', '/usr/bin/python3');
const log = (message) => process.stderr.write(`${message}\n`);

function runPython(...rest) {
  const result = spawnSync(python, [join(here, 'cosmos_dv_torch.py'), ...rest], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${python} cosmos_dv_torch.py ${rest.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function medianMs(fn) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

if (!existsSync(join(dir, 'model', 'jointok.json'))) {
  log(`building the random-weight Cosmos DV8x16x16 and exporting it into ${dir} (several minutes)`);
  runPython('build', dir);
}
const modelDir = join(dir, 'model');
const manifest = JSON.parse(readFileSync(join(modelDir, 'jointok.json'), 'utf8'));
const reference = JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8'));
const input = readFileSync(join(dir, 'input.f32'));
const pixels = new ort.Tensor('float32', new Float32Array(input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength)), reference.shape);
const frames = reference.shape[2];
const quantizer = createQuantizer(manifest.quantizer);

const loadBefore = loadavg()[0];
const options = { intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential' };
const encoder = await ort.InferenceSession.create(join(modelDir, 'encoder.onnx'), options);
const decoder = await ort.InferenceSession.create(join(modelDir, 'decoder.onnx'), options);
const encode = async () => quantizer.encodeAsync((await encoder.run({ pixel_values: pixels })).latents);
const codes = await encode();
const decode = async () => {
  const values = quantizer.decode(codes);
  return (await decoder.run({ quantized_latents: new ort.Tensor('float32', values.data, values.dims) })).pixel_values;
};
const perRound = [];
for (let round = 0; round < rounds; round++) {
  log(`round ${round + 1}/${rounds}: onnxruntime-node + @jointok/core, ${threads} thread(s)`);
  const jointok = { encodeMs: await medianMs(encode), decodeMs: await medianMs(decode) };
  log(`round ${round + 1}/${rounds}: torch eager, ${threads} thread(s)`);
  const torch = JSON.parse(runPython('bench', dir, String(threads), String(runs)));
  perRound.push({ jointok, torch });
}
await encoder.release();
await decoder.release();

let differ = 0;
for (let i = 0; i < reference.codes.length; i++) if (codes.data[i] !== reference.codes[i]) differ++;
const rows = ['encodeMs', 'decodeMs'].map((stage) => {
  const j = median(perRound.map((r) => r.jointok[stage]));
  const t = median(perRound.map((r) => r.torch[stage]));
  return {
    stage: stage.replace('Ms', ''),
    threads,
    jointokMs: Number(j.toFixed(0)),
    torchMs: Number(t.toFixed(0)),
    jointokFps: Number(((frames * 1000) / j).toFixed(2)),
    torchFps: Number(((frames * 1000) / t).toFixed(2)),
    ratio: Number(median(perRound.map((r) => r.torch[stage] / r.jointok[stage])).toFixed(2)),
  };
});
const load = [loadBefore, loadavg()[0]].map((v) => Number(v.toFixed(1)));
console.log(`Cosmos DV8x16x16 (random weights, published size), ${frames} frames ${reference.shape[3]}x${reference.shape[4]}, batch 1; medians of ${runs} runs, ${rounds} rounds; ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${load.join(' -> ')}; node ${process.version}`);
console.table(rows);
console.log(`codes: ${reference.codes.length - differ}/${reference.codes.length} equal to torch's (ratio = torch ms / jointok ms; above 1: jointok faster)`);
writeFileSync(join(here, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), runs, rounds, threads, node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverage: load, frames, size: reference.shape.slice(3), codes: reference.codes.length, codesDiffer: differ, rows, perRound }, null, 1)}\n`);
