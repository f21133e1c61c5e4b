// Audio codec speed: jointok's path (onnxruntime-node graphs exported by tools/export, @jointok/core's
// quantizer in TypeScript between them) side by side with PyTorch eager on the same full-size
// random-weight models (SNAC 24 kHz, DAC 44 kHz) and the same 10 s of audio, at 1 and 2 threads.
//
//   (cd packages/core && npx tsup) && node bench/audio/codecs.mjs [--runs 3] [--warmup 1] [--threads 1,2] [--models snac-24khz,dac-44khz] [--work DIR] [--rebuild]
//
// The first run builds the models under --work (default: the system temp folder; about 700 MB, a few
// minutes) with bench/audio/codecs_torch.py build. Torch and jointok runs alternate (codecs_torch.py serve).
// Prints real-time factors (compute seconds per second of
// audio; medians of --runs runs after --warmup warm-up runs) and speed ratios torch/jointok (> 1: jointok faster), and
// writes bench/results/audio-codecs.json. Not part of the test suite.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
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
const warmups = Number(option('warmup', 1));
const threadCounts = option('threads', '1,2').split(',').map(Number);
const work = option('work', join(tmpdir(), 'jointok-bench-audio'));
const python = option('python', '/usr/bin/python3');
const models = option('models', 'snac-24khz,dac-44khz').split(',');

if (args.includes('--rebuild') || !models.every((m) => existsSync(join(work, m, 'jointok', 'jointok.json')))) {
  const built = spawnSync(python, [join(here, 'codecs_torch.py'), 'build', '--work', work], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('codecs_torch.py build failed');
}

// The torch side answers one timing request per line; runs of torch and jointok alternate, so that both
// see the same load on a shared machine.
const torchSide = spawn(python, [join(here, 'codecs_torch.py'), 'serve', '--work', work], { stdio: ['pipe', 'pipe', 'inherit'] });
const answers = createInterface({ input: torchSide.stdout })[Symbol.asyncIterator]();
async function torchStep(model, step, threads) {
  torchSide.stdin.write(`${JSON.stringify({ model, step, threads })}\n`);
  const { value, done } = await answers.next();
  if (done) throw new Error('codecs_torch.py serve stopped');
  return JSON.parse(value).seconds;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
const agreement = {};
for (const name of models) {
  for (const threads of threadCounts) {
    const jointok = await jointokRunner(name, threads, warmups);
    const times = { torch: { encode: [], decode: [] }, jointok: { encode: [], decode: [] } };
    for (let i = 0; i < warmups; i++) {
      await torchStep(name, 'encode', threads);
      await torchStep(name, 'decode', threads);
    }
    for (let i = 0; i < runs; i++) {
      times.torch.encode.push(await torchStep(name, 'encode', threads));
      times.jointok.encode.push(await jointok.encode());
      times.torch.decode.push(await torchStep(name, 'decode', threads));
      times.jointok.decode.push(await jointok.decode());
    }
    const row = { model: name, threads, audioSeconds: jointok.seconds, times };
    for (const step of ['encode', 'decode']) {
      row[`${step}RtfTorch`] = median(times.torch[step]) / jointok.seconds;
      row[`${step}RtfJointok`] = median(times.jointok[step]) / jointok.seconds;
      row[`${step}Speedup`] = median(times.torch[step]) / median(times.jointok[step]);
    }
    rows.push(row);
    agreement[name] = jointok.agreement();
    await jointok.release();
    console.error(`measured ${name} at ${threads} thread(s): ${JSON.stringify(row)}`);
  }
}
torchSide.stdin.end();

console.log('real-time factor (compute s per audio s, median) and speed-up torch/jointok');
console.log('model       threads  encode torch  jointok  speed-up   decode torch  jointok  speed-up');
for (const r of rows) {
  const f = (v) => v.toFixed(4).padStart(8);
  console.log(`${r.model.padEnd(11)} ${String(r.threads).padStart(7)}  ${f(r.encodeRtfTorch)}  ${f(r.encodeRtfJointok)}  ${r.encodeSpeedup.toFixed(2).padStart(7)}x   ${f(r.decodeRtfTorch)}  ${f(r.decodeRtfJointok)}  ${r.decodeSpeedup.toFixed(2).padStart(7)}x`);
}
for (const [name, a] of Object.entries(agreement)) console.log(`${name}: jointok codes equal torch's at ${a.same}/${a.total} positions`);
mkdirSync(join(here, '..', 'results'), { recursive: true });
writeFileSync(join(here, '..', 'results', 'audio-codecs.json'), JSON.stringify({ date: new Date().toISOString(), runs, rows, agreement }, null, 2));

/**
 * jointok's two steps for one model at one thread count, each timed once per call: encode (pad, encoder
 * graph, core quantizer) and decode of the last encode's codes (core decode, decoder graph; SNAC noise zero).
 */
async function jointokRunner(name, threads, warmups) {
  const folder = join(work, name);
  const manifest = JSON.parse(readFileSync(join(folder, 'jointok', 'jointok.json'), 'utf8'));
  const quantizer = createQuantizer(manifest.quantizer, readSafetensors(join(folder, 'jointok', 'quantizer.safetensors')));
  const options = { intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' };
  const encoder = await ort.InferenceSession.create(join(folder, 'jointok', 'encoder.onnx'), options);
  const decoder = await ort.InferenceSession.create(join(folder, 'jointok', 'decoder.onnx'), options);
  const bytes = readFileSync(join(folder, 'input.f32'));
  const audio = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const isSnac = manifest.family === 'snac';
  const dim = manifest.quantizer.dim;
  let codes;

  const encode = async () => {
    const multiple = manifest.preprocessing.padding.multiple;
    const padded = new Float32Array(Math.ceil(audio.length / multiple) * multiple);
    padded.set(audio);
    const { latent } = await encoder.run({ audio: new ort.Tensor('float32', padded, [1, 1, padded.length]) });
    const tensor = { type: 'float32', dims: latent.dims, data: latent.data };
    codes = isSnac ? quantizer.encodeScales(tensor) : quantizer.encode(tensor);
  };
  const decode = async () => {
    const quantized = isSnac ? quantizer.decodeScales(codes) : quantizer.decode(codes);
    const frames = quantized.dims[2];
    const feeds = { latent: new ort.Tensor('float32', quantized.data, [1, dim, frames]) };
    for (const noise of manifest.config.noise?.inputs ?? []) {
      const length = frames * noise.samplesPerFrame;
      feeds[noise.name] = new ort.Tensor('float32', new Float32Array(length), [1, 1, length]);
    }
    await decoder.run(feeds);
  };
  const timed = (step) => async () => {
    const start = performance.now();
    await step();
    return (performance.now() - start) / 1000;
  };
  await encode(); // the codes decode needs; also the warm-up
  for (let i = 0; i < warmups; i++) await decode();
  return {
    seconds: audio.length / manifest.preprocessing.sampleRate,
    encode: timed(encode),
    decode: timed(decode),
    agreement() {
      const torchCodes = JSON.parse(readFileSync(join(folder, 'torch-codes.json'), 'utf8'));
      const ours = isSnac ? codes.map((t) => Array.from(t.data)) : torchCodes.map((row, i) => Array.from(codes.data.subarray(i * row.length, (i + 1) * row.length)));
      let same = 0;
      let total = 0;
      torchCodes.forEach((row, i) => row.forEach((code, t) => { same += ours[i][t] === code ? 1 : 0; total += 1; }));
      return { same, total };
    },
    release: async () => {
      await encoder.release();
      await decoder.release();
    },
  };
}

function readSafetensors(path) {
  const bytes = readFileSync(path);
  const headerLength = Number(bytes.readBigUInt64LE(0));
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8'));
  const weights = {};
  for (const [name, info] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const [start, end] = info.data_offsets;
    const slice = bytes.subarray(8 + headerLength + start, 8 + headerLength + end);
    weights[name] = { type: 'float32', dims: info.shape, data: new Float32Array(slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength)) };
  }
  return weights;
}
