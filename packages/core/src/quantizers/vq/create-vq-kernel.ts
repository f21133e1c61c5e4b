import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { NonFiniteValueError } from '../../errors/non-finite-value-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { linear } from '../math/linear.js';
import type { CodeArray, VectorQuantizerKernel } from '../quantizer.js';
import type { EncodeSteps } from '../search/encode-steps.js';
import { runEncodeSteps } from '../search/run-encode-steps.js';
import { createCodebookLookup, type CodebookLookup } from './codebook-lookup.js';
import type { VqProjection } from './vq-projection.js';
import type { VqSettings } from './vq-settings.js';

/**
 * The layout-free VQ kernel: optional `project_in`, then the latent (`codebookDim` channels)
 * split into `codebooks.length` equal groups, each looked up in its own codebook (one code per
 * group, group 0 first), and the inverse for decoding: the groups' rows side by side, then
 * optional `project_out`. With one codebook this is plain VQ.
 */
export function createVqKernel(settings: VqSettings, codebooks: readonly Float32Array[], projection: VqProjection | undefined): VectorQuantizerKernel {
  const { dim, codebookDim, codebookSize } = settings;
  const groups = codebooks.length;
  const groupDim = codebookDim / groups;
  const lookups: CodebookLookup[] = codebooks.map((codebook) => createCodebookLookup(codebook, groupDim, settings));
  // The lookup may normalise in place, so it gets a copy unless it only reads (plain euclidean, one group).
  const readsOnly = settings.metric === 'euclidean' && groups === 1;

  function* encodeSteps(latents: Float32Array, count: number): EncodeSteps<CodeArray> {
    if (!Number.isSafeInteger(count) || count < 0 || latents.length < count * dim) {
      throw new ShapeMismatchError({ argument: 'latents', expected: `${count} × ${dim} values`, received: latents.length });
    }
    for (let i = 0; i < count * dim; i++) {
      if (latents[i]! - latents[i]! !== 0) throw new NonFiniteValueError({ argument: 'latents', index: i, value: latents[i]! });
    }
    const codes = new Int32Array(count * groups);
    if (count === 0) return codes;
    const projected = projection === undefined ? latents : linear(latents, count, dim, projection.inWeight, codebookDim, projection.inBias);
    // Each search is answered before the generator resumes, so one scratch buffer serves every group.
    const scratch = readsOnly ? undefined : new Float32Array(count * groupDim);
    for (let g = 0; g < groups; g++) {
      let vectors = projected;
      if (scratch !== undefined) {
        vectors = scratch;
        for (let n = 0; n < count; n++) vectors.set(projected.subarray(n * codebookDim + g * groupDim, n * codebookDim + (g + 1) * groupDim), n * groupDim);
      }
      yield lookups[g]!.request(vectors, count, codes, groups, g);
    }
    return codes;
  }

  return {
    dim,
    outputDim: dim,
    numCodebooks: groups,
    codebookSize,
    encodeSteps,
    encodeVectors: (latents: Float32Array, count: number): CodeArray => runEncodeSteps(encodeSteps(latents, count)),
    decodeVectors(codes: CodeArray, count: number, codesPerVector: number): Float32Array {
      if (codesPerVector !== groups) {
        throw new ShapeMismatchError({ argument: 'codes', expected: `${groups} code(s) per vector, one per group`, received: codesPerVector });
      }
      if (codes.length < count * groups) {
        throw new ShapeMismatchError({ argument: 'codes', expected: `${count} × ${groups} codes`, received: codes.length });
      }
      for (let i = 0; i < count * groups; i++) {
        const code = codes[i]!;
        if (!(code >= 0 && code < codebookSize && Number.isInteger(code))) throw new CodeOutOfRangeError({ argument: 'codes', index: i, value: code, codebookSize });
      }
      const rows = new Float32Array(count * codebookDim);
      for (let n = 0; n < count; n++) {
        for (let g = 0; g < groups; g++) rows.set(lookups[g]!.row(codes[n * groups + g]!), n * codebookDim + g * groupDim);
      }
      return projection === undefined ? rows : linear(rows, count, codebookDim, projection.outWeight, dim, projection.outBias);
    },
  };
}
