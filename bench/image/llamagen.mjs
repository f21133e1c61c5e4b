// LlamaGen VQ-16 at 256x256: the exported ONNX graphs in onnxruntime-node with @jointok/core's quantizer,
// side by side with PyTorch eager on CPU, same thread counts, in one run.
//
//   npm run build -w @jointok/core && node bench/image/llamagen.mjs [--runs 5] [--dir DIR] [--python /usr/bin/python3]
//
// The first run builds a seeded random-weight VQ-16 of the published size (72M parameters) in DIR
// (default: <tmp>/jointok-bench-llamagen), saved as LlamaGen publishes it and exported by
// tools/export/llamagen.py (llamagen_torch.py build); later runs reuse it. Measured, as medians of
// --runs runs after a warm-up:
//   encode      jointok: encoder.onnx, then the manifest's vq quantizer (encodeAsync: the path a tokenizer takes)
//               torch:   encoder + quant_conv, then LlamaGen's VectorQuantizer arithmetic
//   decode      jointok: quantizer decode (normalised rows), then decoder.onnx
//               torch:   get_codebook_entry, post_quant_conv + decoder
//   round trip  encode then decode
//   png round trip  from the PNG file to decoded pixels: jointok's loadImageTokenizer (readImage, recipe,
//               encoder, quantizer, decoder, postprocessing) against PIL + center_crop_arr + torch. Prints a table, checks that
// jointok's codes equal torch's, and writes bench/image/llamagen-results.json. Not part of the test suite.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createQuantizer } from '@jointok/core';
import { loadImageTokenizer } from '@jointok/image';
import * as ort from 'onnxruntime-node';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', 5));
const dir = option('dir', join(tmpdir(), 'jointok-bench-llamagen'));
const python = option('python', '/usr/bin/python3');
const log = (message) => process.stderr.write(`${message}\n`);

function runPython(...rest) {
  const result = spawnSync(python, [join(here, 'llamagen_torch.py'), ...rest], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${python} llamagen_torch.py ${rest.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

/** The tensors of a safetensors file (float32 only: the quantizer file holds one codebook). */
function readSafetensors(path) {
  const bytes = readFileSync(path);
  const headerLength = Number(bytes.readBigUInt64LE(0));
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8'));
  const tensors = {};
  for (const [name, info] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    if (info.dtype !== 'F32') throw new Error(`${path}: ${name} is ${info.dtype}, expected F32`);
    const [begin, end] = info.data_offsets.map((offset) => 8 + headerLength + offset);
    tensors[name] = { type: 'float32', dims: info.shape, data: new Float32Array(bytes.buffer.slice(bytes.byteOffset + begin, bytes.byteOffset + end)) };
  }
  return tensors;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

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
  log(`building the random-weight VQ-16 and exporting it into ${dir} (a few minutes)`);
  runPython('build', dir);
}
const modelDir = join(dir, 'model');
const photo = join(here, '..', '..', 'packages', 'image', 'src', 'families', 'llamagen', '__fixtures__', 'inputs', 'astronaut.png');
const manifest = JSON.parse(readFileSync(join(modelDir, 'jointok.json'), 'utf8'));
const reference = JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8'));
const inputBytes = readFileSync(join(dir, 'input.f32'));
const pixels = new ort.Tensor('float32', new Float32Array(inputBytes.buffer.slice(inputBytes.byteOffset, inputBytes.byteOffset + inputBytes.byteLength)), reference.shape);
const quantizer = createQuantizer(manifest.quantizer, readSafetensors(join(modelDir, 'quantizer.safetensors')));

const loadBefore = loadavg()[0];
const measurements = {};
let jointokCodes;
for (const threads of [1, 2]) {
  log(`onnxruntime-node + @jointok/core, ${threads} thread(s)`);
  const options = { intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential' };
  const encoder = await ort.InferenceSession.create(join(modelDir, 'encoder.onnx'), options);
  const decoder = await ort.InferenceSession.create(join(modelDir, 'decoder.onnx'), options);
  const encode = async () => {
    const { latents } = await encoder.run({ pixel_values: pixels });
    return quantizer.encodeAsync(latents);
  };
  const codes = await encode();
  jointokCodes ??= codes.data;
  const decode = async (given = codes) => {
    const quantized = quantizer.decode(given);
    const { pixel_values: decoded } = await decoder.run({ quantized_latents: new ort.Tensor('float32', quantized.data, quantized.dims) });
    return decoded;
  };
  // End to end from the PNG file through the tokenizer API: readImage, the manifest's recipe, encoder,
  // quantizer, then decoder and postprocessing to pixels.
  const tokenizer = await loadImageTokenizer(modelDir, { session: { threads } });
  measurements[`jointok${threads}`] = {
    encodeMs: await medianMs(encode),
    decodeMs: await medianMs(decode),
    roundTripMs: await medianMs(async () => decode(await encode())),
    pngRoundTripMs: await medianMs(async () => tokenizer.decode(await tokenizer.encode(photo))),
  };
  await tokenizer.dispose();
  await encoder.release();
  await decoder.release();
}
for (const threads of [1, 2]) {
  log(`torch, ${threads} thread(s)`);
  measurements[`torch${threads}`] = JSON.parse(runPython('bench', dir, String(threads), String(runs)));
}

let differ = 0;
for (let i = 0; i < reference.codes.length; i++) if (jointokCodes[i] !== reference.codes[i]) differ++;
const rows = [];
for (const stage of ['encodeMs', 'decodeMs', 'roundTripMs', 'pngRoundTripMs']) {
  for (const threads of [1, 2]) {
    const j = measurements[`jointok${threads}`][stage];
    const t = measurements[`torch${threads}`][stage];
    rows.push({ stage: stage.replace('Ms', ''), threads, jointokMs: Number(j.toFixed(1)), torchMs: Number(t.toFixed(1)), speedup: Number((t / j).toFixed(2)) });
  }
}
const load = [loadBefore, loadavg()[0]].map((v) => v.toFixed(1));
// Other processes on the machine slow both sides; the 1-minute load average says how busy it was.
console.log(`LlamaGen VQ-16 (random weights, published size), 256x256, batch 1; medians of ${runs} runs; ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${load.join(' -> ')}; node ${process.version}`);
console.table(rows);
console.log(`codes: ${reference.codes.length - differ}/${reference.codes.length} equal to torch's`);
writeFileSync(
  join(here, 'llamagen-results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), runs, node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverage: load.map(Number), codes: reference.codes.length, codesDiffer: differ, rows }, null, 1)}\n`,
);
