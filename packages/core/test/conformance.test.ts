// Every quantizer type of core runs the shared conformance suite that `@jointok/core/test` exports,
// with random weights of the reference's parameter names. `multiscale-residual-vq` is not a per-vector
// quantizer (one code per scale, not per vector) and has its own tests.
import { createQuantizer } from '../src/quantizers/create-quantizer.js';
import type { QuantizerSpec, QuantizerWeights } from '../src/quantizers/quantizer.js';
import { describeQuantizer } from '../src/testing/describe-quantizer.js';
import { seededNormal } from '../src/testing/seeded-random.js';
import type { Tensor } from '../src/tensor/tensor.js';

function unitRows(rows: number, dim: number, seed: number): Float32Array {
  const data = seededNormal(rows * dim, seed);
  for (let r = 0; r < rows; r++) {
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += data[r * dim + d]! ** 2;
    for (let d = 0; d < dim; d++) data[r * dim + d]! /= Math.sqrt(norm);
  }
  return data;
}

const cases: Array<{ spec: QuantizerSpec; weights?: () => QuantizerWeights; reencodeStable?: boolean; numQuantizers?: boolean }> = [
  { spec: { type: 'fsq', levels: [8, 5, 5, 5] } },
  { spec: { type: 'fsq', levels: [8, 8, 8, 5, 5, 5], bound: 'tan' } },
  { spec: { type: 'fsq', levels: [7, 5, 5, 5, 5], preserveSymmetry: true, bound: 'hard-clamp' }, reencodeStable: true },
  { spec: { type: 'residual-fsq', levels: [8, 5, 5, 5], numQuantizers: 4 }, numQuantizers: true },
  { spec: { type: 'residual-fsq', variant: 'cosmos', levels: [8, 8, 8, 5, 5, 5], numQuantizers: 2 }, numQuantizers: true },
  { spec: { type: 'lfq', dim: 10 }, reencodeStable: true },
  { spec: { type: 'lfq', dim: 18, bitOrder: 'lsb-first' }, reencodeStable: true },
  { spec: { type: 'bsq', embedDim: 36, groupSize: 9, l2Norm: true }, reencodeStable: true },
  { spec: { type: 'vq', dim: 8, codebookSize: 512 }, weights: () => ({ codebook: seededNormal(512 * 8, 3) }), reencodeStable: true },
  { spec: { type: 'vq', dim: 8, codebookSize: 64, metric: 'cosine' }, weights: () => ({ codebook: unitRows(64, 8, 4) }), reencodeStable: true },
  { spec: { type: 'vq', dim: 8, codebookSize: 300, metric: 'l2-normalized' }, weights: () => ({ 'embedding.weight': seededNormal(300 * 8, 5) }), reencodeStable: true },
  { spec: { type: 'grouped-vq', dim: 8, codebookSize: 32, groups: 2 }, weights: () => ({ codebooks: seededNormal(2 * 32 * 4, 6) }), reencodeStable: true },
  { spec: { type: 'residual-vq', dim: 8, codebookSize: 64, numQuantizers: 4 }, weights: () => ({ codebooks: seededNormal(4 * 64 * 8, 7) }), numQuantizers: true },
  {
    spec: { type: 'projected-residual-vq', dim: 16, codebookSize: 32, codebookDim: 4, numQuantizers: 3, channelAxis: 'last', indexLayout: 'tokens-streams' },
    weights: () => {
      const w: Record<string, Float32Array> = {};
      for (let i = 0; i < 3; i++) {
        w[`quantizers.${i}.in_proj.weight`] = seededNormal(4 * 16, 10 + i, 0.3);
        w[`quantizers.${i}.in_proj.bias`] = seededNormal(4, 20 + i, 0.1);
        w[`quantizers.${i}.out_proj.weight`] = seededNormal(16 * 4, 30 + i, 0.3);
        w[`quantizers.${i}.out_proj.bias`] = seededNormal(16, 40 + i, 0.1);
        w[`quantizers.${i}.codebook.weight`] = seededNormal(32 * 4, 50 + i);
      }
      return w;
    },
    numQuantizers: true,
  },
  {
    // Mimi: one semantic and two acoustic stages over 1×1-conv projections (Moshi parameter names).
    spec: { type: 'split-residual-vq', dim: 12, codebookSize: 48, codebookDim: 6, numQuantizers: 3, channelAxis: 'last', indexLayout: 'tokens-streams' },
    weights: () => {
      const w: Record<string, Tensor<'float32'>> = {};
      const t = (dims: number[], data: Float32Array): Tensor<'float32'> => ({ type: 'float32', dims, data });
      for (const [part, stages, seed] of [['rvq_first', 1, 60], ['rvq_rest', 2, 70]] as const) {
        w[`${part}.input_proj.weight`] = t([6, 12, 1], seededNormal(6 * 12, seed, 0.3));
        w[`${part}.output_proj.weight`] = t([12, 6, 1], seededNormal(12 * 6, seed + 1, 0.3));
        for (let q = 0; q < stages; q++) {
          w[`${part}.vq.layers.${q}._codebook.embedding_sum`] = t([48, 6], seededNormal(48 * 6, seed + 2 + q));
          w[`${part}.vq.layers.${q}._codebook.cluster_usage`] = t([48], new Float32Array(48).fill(1));
        }
      }
      return w;
    },
    numQuantizers: true,
  },
];

for (const { spec, weights, reencodeStable, numQuantizers } of cases) {
  describeQuantizer(JSON.stringify(spec), {
    create: () => createQuantizer(spec, weights?.() ?? {}),
    capabilities: { reencodeStable: reencodeStable ?? false, numQuantizers: numQuantizers ?? false },
  });
}
