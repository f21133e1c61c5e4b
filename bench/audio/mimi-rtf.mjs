// Mimi real-time factors, full size (moshi's published widths, seeded random weights): the jointok folder's
// encoder.onnx / decoder.onnx on onnxruntime-node and @jointok/core's split-residual-vq (8 codebooks), side by
// side with PyTorch eager on the same input and the same number of threads, in one run.
//
//   (cd packages/core && npx tsup) && node bench/audio/mimi-rtf.mjs [--seconds 10] [--runs 3] [--threads 1]
//
// Builds and exports the full-size model first (bench/audio/mimi_torch_side.py: a few minutes, ~1 GB in a
// temporary folder, removed afterwards). RTF = processing time / audio duration (lower is faster); the ratio
// column is torch time / ORT time (> 1: ONNX Runtime is faster). Medians of --runs after a warm-up. Not a test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createQuantizerFromRepository, loadRepository } from '@jointok/core';
import ort from 'onnxruntime-node';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const seconds = Number(option('seconds', 10));
const runs = Number(option('runs', 3));
const threads = Number(option('threads', 1));
const work = mkdtempSync(join(tmpdir(), 'jointok-mimi-bench-'));
try {
  const torchRun = spawnSync('/usr/bin/python3', [join(here, 'mimi_torch_side.py'), '--work', work, '--seconds', String(seconds), '--runs', String(runs), '--threads', String(threads)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (torchRun.status !== 0) throw new Error(`torch side failed:\n${torchRun.stderr}`);
  const torch = JSON.parse(torchRun.stdout.trim().split('\n').pop());
  const f32 = (name) => {
    const bytes = readFileSync(join(work, `${name}.f32`));
    return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  };
  const options = { intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' };
  const encoder = await ort.InferenceSession.create(join(work, 'mimi', 'encoder.onnx'), options);
  const decoder = await ort.InferenceSession.create(join(work, 'mimi', 'decoder.onnx'), options);
  const repository = await loadRepository(join(work, 'mimi'));
  const quantizer = await createQuantizerFromRepository(repository);
  const audio = new ort.Tensor('float32', f32('input'), [1, 1, torch.samples]);
  const latentDims = [1, torch.dim, torch.frames];
  const latent = { type: 'float32', dims: latentDims, data: f32('latent') };
  const quantized = new ort.Tensor('float32', f32('quantized'), latentDims);
  const codebooks = repository.manifest.config.codebooks;
  const median = async (run) => {
    await run();
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await run();
      times.push((performance.now() - start) / 1000);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  };
  const ortEncode = await median(() => encoder.run({ audio }));
  const ortDecode = await median(() => decoder.run({ latent: quantized }));
  const coreEncode = await median(() => quantizer.encode(latent, { numQuantizers: codebooks }));
  const duration = torch.samples / 24000;
  const row = (name, ortTime, torchTime) => console.log(`${name.padEnd(28)} ORT RTF ${(ortTime / duration).toFixed(4)}  torch RTF ${(torchTime / duration).toFixed(4)}  torch/ORT ${(torchTime / ortTime).toFixed(2)}`);
  console.log(`Mimi full size, ${duration.toFixed(2)} s of audio (${torch.frames} frames), ${threads} thread(s), medians of ${runs}; torch ${torch.torch}, onnxruntime-node ${ort.env.versions?.common ?? ''}`);
  row('encode (audio → latent)', ortEncode, torch.torchEncode);
  row('decode (latent → audio)', ortDecode, torch.torchDecode);
  console.log(`${'core split-residual-vq'.padEnd(28)} ${codebooks} codebooks: ${(coreEncode * 1000).toFixed(1)} ms (RTF ${(coreEncode / duration).toFixed(4)})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
