import type { CodeArray, QuantizerEncodeOptions, VectorQuantizerKernel } from '../quantizer.js';
import { roundToBfloat16 } from './bfloat16.js';
import { assertCodeVectors, assertLatentVectors } from './check-vectors.js';
import { createFsqGrid, fsqLevelOf } from './fsq-grid.js';
import type { ResidualFsqSettings } from './read-residual-fsq-spec.js';
import { readStageCount } from './stage-count.js';
import { levelStarts } from './level-starts.js';

const f32 = Math.fround;
const identity = (x: number): number => x;

/**
 * Cosmos `ResidualFSQuantizer`: every stage is the plain tanh-bound FSQ (`FSQuantizer`) applied to
 * the unscaled residual. Stage outputs are cast to bfloat16 (the stages' default dtype), the
 * residual stays float32 (`residual − bf16(code)`), and the sum of stage outputs is accumulated
 * in bfloat16, in encode and in decode alike. `outputDtype: 'float32'` drops the casts.
 */
export function createCosmosResidualFsqKernel(settings: ResidualFsqSettings): VectorQuantizerKernel {
  const { levels, numQuantizers } = settings;
  const grid = createFsqGrid({ levels, bound: 'tanh', preserveSymmetry: false, eps: 1e-3 });
  const size = levels.length;
  const cast = settings.outputDtype === 'bfloat16' ? roundToBfloat16 : identity;
  const wide = grid.codebookSize > 2 ** 31;
  const residual = new Float32Array(size);
  const basis = Float64Array.from(grid.basis);
  // Every stage subtracts the same (cast) code of a level: compute them once.
  const { start: levelStart, total: levelCount } = levelStarts(levels);
  const stageCodes = new Float64Array(levelCount);
  for (let d = 0; d < size; d++) for (let l = 0; l < levels[d]!; l++) stageCodes[levelStart[d]! + l] = cast(grid.code(d, l));

  return {
    dim: size,
    outputDim: size,
    numCodebooks: numQuantizers,
    codebookSize: grid.codebookSize,
    encodeVectors(latents: Float32Array, count: number, options?: QuantizerEncodeOptions): CodeArray {
      assertLatentVectors(latents, count, size);
      const stages = readStageCount(options, numQuantizers);
      const codes = wide ? new Float64Array(count * stages) : new Int32Array(count * stages);
      for (let n = 0; n < count; n++) {
        residual.set(latents.subarray(n * size, (n + 1) * size));
        for (let q = 0; q < stages; q++) {
          let index = 0;
          for (let d = 0; d < size; d++) {
            const level = grid.level(d, residual[d]!);
            index += level * basis[d]!;
            residual[d] = residual[d]! - stageCodes[levelStart[d]! + level]!;
          }
          codes[n * stages + q] = index;
        }
      }
      return codes;
    },
    decodeVectors(codes: CodeArray, count: number, codesPerVector: number): Float32Array {
      assertCodeVectors(codes, count, codesPerVector, 1, numQuantizers, grid.codebookSize);
      const out = new Float32Array(count * size);
      for (let n = 0; n < count; n++) {
        for (let q = 0; q < codesPerVector; q++) {
          const index = codes[n * codesPerVector + q]!;
          for (let d = 0; d < size; d++) {
            const code = cast(grid.code(d, fsqLevelOf(grid, index, d)));
            // bf16 + bf16 is computed in float32 and rounded back to bf16, as torch does on CPU.
            out[n * size + d] = q === 0 ? code : cast(f32(out[n * size + d]! + code));
          }
        }
      }
      return out;
    },
  };
}
