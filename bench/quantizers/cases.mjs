// The four benchmark operations: sizes, seeded inputs, and the TypeScript path of each through the
// built @jointok/core (`createQuantizer`), plus the accelerated nearest-code search where it applies.
import * as core from '@jointok/core';
import { normalFloats, normalizeRows, normalizeRowsFloat32 } from './random.mjs';

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
 * The TypeScript path of each case: a function (no arguments) that encodes all vectors and returns
 * the codes as an Int32Array, and a note on how it was built.
 */
export function typescriptPaths(cases, inputs) {
  const byName = Object.fromEntries(cases.map((c) => [c.name, c]));
  const paths = {};
  const l2 = byName['vq-l2'];
  // lucidrains VectorQuantize settings (README of src/quantizers/vq), as the torch side computes.
  paths['vq-l2'] = vqPath(l2, inputs.vq_l2_x.data, inputs.vq_l2_codebook.data, 'euclidean', { minDistance: 1e-8, normalizeEps: 1e-6 });
  const cos = byName['vq-cosine'];
  paths['vq-cosine'] = vqPath(cos, inputs.vq_cos_x.data, inputs.vq_cos_codebook.data, 'cosine', { normalizeEps: 1e-6 });
  const fsq = byName['fsq'];
  const fsqQuantizer = core.createQuantizer({ type: 'fsq', levels: fsq.levels });
  paths['fsq'] = { how: "createQuantizer({ type: 'fsq', levels })", run: () => codesOf(fsqQuantizer.encode(tensor(inputs.fsq_x.data, [1, fsq.count, fsq.dim]))) };
  const rvq = byName['rvq'];
  const rvqQuantizer = core.createQuantizer(
    { type: 'residual-vq', numQuantizers: rvq.stages, codebookSize: rvq.codebookSize, dim: rvq.dim },
    { codebooks: tensor(inputs.rvq_codebooks.data, [rvq.stages, rvq.codebookSize, rvq.dim]) },
  );
  paths['rvq'] = {
    how: "createQuantizer({ type: 'residual-vq', numQuantizers: 8, ... })",
    run: () => codesOf(rvqQuantizer.encode(tensor(inputs.rvq_x.data, [1, rvq.count, rvq.dim]))),
  };
  return paths;
}

function vqPath(c, vectors, codebook, metric, settings) {
  const spec = { type: 'vq', codebookSize: c.codebookSize, dim: c.dim, metric, ...settings };
  try {
    const quantizer = core.createQuantizer(spec, { codebook: tensor(codebook, [c.codebookSize, c.dim]) });
    return { how: `createQuantizer(${JSON.stringify(spec)})`, run: () => codesOf(quantizer.encode(tensor(vectors, [1, c.count, c.dim]))) };
  } catch (error) {
    if (!core.UnsupportedError.isInstance(error) && !core.InvalidSpecError.isInstance(error)) throw error;
    // No 'vq' quantizer in this build: the same nearest-code search, called directly.
    const search = core.createAcceleratedNearestSearch({ createSession: () => Promise.reject(new Error('unused')), threshold: 2 ** 50 });
    return {
      how: `nearestCodes (createQuantizer 'vq' unavailable: ${error.message})`,
      run: async () => {
        const x = metric === 'cosine' ? normalizeRowsFloat32(vectors.slice(), c.count, c.dim, 1e-6) : vectors;
        return search.nearestCodes(x, c.count, c.dim, codebook, c.codebookSize, metric === 'cosine' ? 'dot' : 'l2', new Int32Array(c.count), metric === 'cosine' ? {} : { minDistance: 1e-8 });
      },
    };
  }
}

function codesOf(result) {
  const data = result.data;
  return data instanceof Int32Array ? data : Int32Array.from(data, Number);
}

/** The accelerated search (TypeScript below the threshold, ONNX graph above) on the VQ cases. */
export function acceleratedPaths(cases, inputs, ort) {
  const search = core.createAcceleratedNearestSearch({ createSession: (model) => core.createSession(model, { ort, threads: 1 }) });
  const byName = Object.fromEntries(cases.map((c) => [c.name, c]));
  const l2 = byName['vq-l2'];
  const cos = byName['vq-cosine'];
  const rvq = byName['rvq'];
  return {
    search,
    paths: {
      'vq-l2': () =>
        search.nearestCodes(inputs.vq_l2_x.data, l2.count, l2.dim, inputs.vq_l2_codebook.data, l2.codebookSize, 'l2', new Int32Array(l2.count), { minDistance: 1e-8 }),
      'vq-cosine': () => {
        const x = normalizeRowsFloat32(inputs.vq_cos_x.data.slice(), cos.count, cos.dim, 1e-6);
        return search.nearestCodes(x, cos.count, cos.dim, inputs.vq_cos_codebook.data, cos.codebookSize, 'dot', new Int32Array(cos.count));
      },
      rvq: async () => {
        const { count, dim, codebookSize, stages } = rvq;
        const residual = inputs.rvq_x.data.slice();
        const codes = new Int32Array(count * stages);
        for (let q = 0; q < stages; q++) {
          const book = inputs.rvq_codebooks.data.subarray(q * codebookSize * dim, (q + 1) * codebookSize * dim);
          await search.nearestCodes(residual, count, dim, book, codebookSize, 'l2', codes, { outStride: stages, outOffset: q });
          for (let n = 0; n < count; n++) {
            const row = codes[n * stages + q] * dim;
            for (let d = 0; d < dim; d++) residual[n * dim + d] = Math.fround(residual[n * dim + d] - book[row + d]);
          }
        }
        return codes;
      },
    },
  };
}
