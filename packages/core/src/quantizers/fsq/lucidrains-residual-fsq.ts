import type { CodeArray, QuantizerEncodeOptions, QuantizerWeights, VectorQuantizerKernel } from '../quantizer.js';
import { assertCodeVectors, assertLatentVectors } from './check-vectors.js';
import { createFsqGrid, fsqLevelOf } from './fsq-grid.js';
import { readFsqProjection } from './fsq-projection.js';
import type { ResidualFsqSettings } from './read-residual-fsq-spec.js';
import { readStageCount } from './stage-count.js';
import { levelStarts } from './level-starts.js';

const f32 = Math.fround;

/**
 * lucidrains `ResidualFSQ` (vector-quantize-pytorch 1.31): project in, soft clamp `tanh(x/c)·c`,
 * then stage q quantizes `residual / s_q` (with `s_q = L^−q` per channel) by the symmetric floor
 * quantizer, and subtracts `code · s_q`. Decoding sums `code(idx_q) · s_q` and projects out.
 * All in the reference's float32 operation order.
 */
export function createLucidrainsResidualFsqKernel(settings: ResidualFsqSettings, weights: QuantizerWeights): VectorQuantizerKernel {
  const { levels, numQuantizers, dim, softClamp } = settings;
  const grid = createFsqGrid({ levels, bound: settings.bound, preserveSymmetry: true, eps: 1e-3 });
  const size = levels.length;
  const projection = dim === size ? undefined : readFsqProjection(weights, dim, size, true);
  // scales[q·size + d] = float32(L_d^−q); exact powers are correctly rounded, as torch's pow gives for them.
  const scales = new Float32Array(numQuantizers * size);
  for (let q = 0; q < numQuantizers; q++) for (let d = 0; d < size; d++) scales[q * size + d] = 1 / Math.pow(levels[d]!, q);
  const wide = grid.codebookSize > 2 ** 31;
  const residual = new Float32Array(size);
  const basis = Float64Array.from(grid.basis);
  // stageCodes[q·ΣL + levelStart[d] + level] = f32(code(d, level) · s_q,d): what stage q subtracts.
  const { start: levelStart, total: levelCount } = levelStarts(levels);
  const stageCodes = new Float64Array(numQuantizers * levelCount);
  for (let q = 0; q < numQuantizers; q++) {
    for (let d = 0; d < size; d++) {
      for (let l = 0; l < levels[d]!; l++) stageCodes[q * levelCount + levelStart[d]! + l] = f32(grid.code(d, l) * scales[q * size + d]!);
    }
  }

  return {
    dim,
    outputDim: dim,
    numCodebooks: numQuantizers,
    codebookSize: grid.codebookSize,
    encodeVectors(latents: Float32Array, count: number, options?: QuantizerEncodeOptions): CodeArray {
      assertLatentVectors(latents, count, dim);
      const stages = readStageCount(options, numQuantizers);
      const z = projection === undefined ? latents : projection.projectIn(latents, count);
      const codes = wide ? new Float64Array(count * stages) : new Int32Array(count * stages);
      for (let n = 0; n < count; n++) {
        for (let d = 0; d < size; d++) {
          const x = z[n * size + d]!;
          const c = softClamp?.[d];
          // The Float32Array store rounds each step to float32.
          residual[d] = c === undefined ? x : f32(f32(Math.tanh(f32(x / c))) * c);
        }
        for (let q = 0; q < stages; q++) {
          let index = 0;
          const stage = q * levelCount;
          for (let d = 0; d < size; d++) {
            const level = grid.level(d, f32(residual[d]! / scales[q * size + d]!));
            index += level * basis[d]!;
            residual[d] = residual[d]! - stageCodes[stage + levelStart[d]! + level]!;
          }
          codes[n * stages + q] = index;
        }
      }
      return codes;
    },
    decodeVectors(codes: CodeArray, count: number, codesPerVector: number): Float32Array {
      assertCodeVectors(codes, count, codesPerVector, 1, numQuantizers, grid.codebookSize);
      const sum = new Float32Array(count * size);
      for (let n = 0; n < count; n++) {
        for (let q = 0; q < codesPerVector; q++) {
          const index = codes[n * codesPerVector + q]!;
          for (let d = 0; d < size; d++) {
            const code = grid.code(d, fsqLevelOf(grid, index, d));
            sum[n * size + d] = sum[n * size + d]! + f32(code * scales[q * size + d]!);
          }
        }
      }
      return projection === undefined ? sum : projection.projectOut(sum, count);
    },
  };
}
