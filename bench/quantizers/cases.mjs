// The four benchmark operations: sizes, seeded inputs, and the TypeScript path of each through the
// built @jointok/core (`createQuantizer`), plus the accelerated nearest-code search where it applies.
import * as core from '@jointok/core';
import { normalFloats, normalizeRows } from './random.mjs';

/** Sizes of the benchmark; `scale` < 1 shrinks the vector counts for a quick check. */
export function benchCases(scale = 1) {
  const count = (n) => Math.max(64, Math.round(n * scale));
  return [
    { name: 'vq-l2', label: 'l2 VQ 16384×8', count: count(65536), dim: 8, codebookSize: 16384 },
    { name: 'vq-cosine', label: 'cosine VQ 8192×256', count: count(4096), dim: 256, codebookSize: 8192 },
    { name: 'fsq', label: 'FSQ [8,8,8,5,5,5]', count: count(1_000_000), dim: 6, levels: [8, 8, 8, 5, 5, 5] },
    { name: 'rvq', label: 'residual VQ 8×1024×128', count: count(10_000), dim: 128, codebookSize: 1024, stages: 8 },
  ];
}

/** Seeded inputs of every case, keyed by the file names the Python side reads. */
export function benchInputs(cases) {
  const byName = Object.fromEntries(cases.map((c) => [c.name, c]));
  const l2 = byName['vq-l2'];
  const cos = byName['vq-cosine'];
  const fsq = byName['fsq'];
  const rvq = byName['rvq'];
  const rvqBooks = new Float32Array(rvq.stages * rvq.codebookSize * rvq.dim);
  for (let q = 0; q < rvq.stages; q++) {
    // Stage q rows ~ N(0, 0.25^q), as the golden EnCodec cases: residuals shrink stage by stage.
    rvqBooks.set(normalFloats(rvq.codebookSize * rvq.dim, 1000 + q, 0.5 ** q), q * rvq.codebookSize * rvq.dim);
  }
  return {
    vq_l2_x: { shape: [l2.count, l2.dim], data: normalFloats(l2.count * l2.dim, 11) },
    vq_l2_codebook: { shape: [l2.codebookSize, l2.dim], data: normalFloats(l2.codebookSize * l2.dim, 12) },
    vq_cos_x: { shape: [cos.count, cos.dim], data: normalFloats(cos.count * cos.dim, 21) },
    vq_cos_codebook: { shape: [cos.codebookSize, cos.dim], data: normalizeRows(normalFloats(cos.codebookSize * cos.dim, 22), cos.codebookSize, cos.dim) },
    fsq_x: { shape: [fsq.count, fsq.dim], data: normalFloats(fsq.count * fsq.dim, 31, 1.5) },
    rvq_x: { shape: [rvq.count, rvq.dim], data: normalFloats(rvq.count * rvq.dim, 41) },
    rvq_codebooks: { shape: [rvq.stages, rvq.codebookSize, rvq.dim], data: rvqBooks },
  };
}

const tensor = (data, dims) => ({ type: 'float32', dims, data });

/**
 * The quantizer of each case, built with `createQuantizer` from the built @jointok/core (its Node
 * entry), with `options`, and the latent tensor it encodes.
 */
function quantizers(cases, inputs, options = {}) {
  const byName = Object.fromEntries(cases.map((c) => [c.name, c]));
  const vq = (c, x, codebook, metric, settings) => ({
    quantizer: core.createQuantizer({ type: 'vq', codebookSize: c.codebookSize, dim: c.dim, metric, ...settings }, { codebook: tensor(codebook, [c.codebookSize, c.dim]) }, options),
    latents: tensor(x, [1, c.count, c.dim]),
  });
  const l2 = byName['vq-l2'];
  const cos = byName['vq-cosine'];
  const fsq = byName['fsq'];
  const rvq = byName['rvq'];
  return {
    // lucidrains VectorQuantize settings (README of src/quantizers/vq), as the torch side computes.
    'vq-l2': vq(l2, inputs.vq_l2_x.data, inputs.vq_l2_codebook.data, 'euclidean', { minDistance: 1e-8, normalizeEps: 1e-6 }),
    'vq-cosine': vq(cos, inputs.vq_cos_x.data, inputs.vq_cos_codebook.data, 'cosine', { normalizeEps: 1e-6 }),
    fsq: { quantizer: core.createQuantizer({ type: 'fsq', levels: fsq.levels }, {}, options), latents: tensor(inputs.fsq_x.data, [1, fsq.count, fsq.dim]) },
    rvq: {
      quantizer: core.createQuantizer(
        { type: 'residual-vq', numQuantizers: rvq.stages, codebookSize: rvq.codebookSize, dim: rvq.dim },
        { codebooks: tensor(inputs.rvq_codebooks.data, [rvq.stages, rvq.codebookSize, rvq.dim]) },
        options,
      ),
      latents: tensor(inputs.rvq_x.data, [1, rvq.count, rvq.dim]),
    },
  };
}

/**
 * The TypeScript path of each case: `run` (no arguments) encodes all vectors with the quantizer's
 * synchronous `encode` and returns the codes as an Int32Array; `how` says how it was built, and
 * `quantizer` and `latents` are what it runs.
 */
export function typescriptPaths(cases, inputs) {
  const paths = {};
  for (const [name, { quantizer, latents }] of Object.entries(quantizers(cases, inputs))) {
    paths[name] = { how: `createQuantizer(${JSON.stringify(quantizer.spec)}).encode`, run: () => codesOf(quantizer.encode(latents)), quantizer, latents };
  }
  return paths;
}

function codesOf(result) {
  const data = result.data;
  return data instanceof Int32Array ? data : Int32Array.from(data, Number);
}

/**
 * The path tokenizers take: the same quantizers' `encodeAsync`, whose codebook searches go to the
 * accelerated search (ONNX graph on one thread at and above the size threshold, TypeScript below).
 */
export function acceleratedPaths(cases, inputs, ort) {
  const search = core.createAcceleratedNearestSearch({ createSession: (model) => core.createSession(model, { ort, threads: 1 }) });
  const built = quantizers(cases, inputs, { nearestSearch: search });
  const paths = {};
  for (const name of ['vq-l2', 'vq-cosine', 'rvq']) {
    const { quantizer, latents } = built[name];
    paths[name] = async () => codesOf(await quantizer.encodeAsync(latents));
  }
  return { search, paths };
}
